package io.thz.core.channel;

import io.thz.core.model.User;
import io.thz.core.model.UserType;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The fixed shape of a channel stream: the network it was made for and what each record holds.
 *
 * @param aps             M
 * @param rises           J
 * @param antennas        N_A
 * @param risElements     L
 * @param slotsPerEpisode T
 * @param users           the K users in global order (serving AP and type)
 * @param factored        true when the AP-RIS channels are stored as rank-one factors
 * @param geometry        true when records carry user positions and LoS draws
 */
public record ChannelStreamShape(int aps, int rises, int antennas, int risElements, int slotsPerEpisode,
                                 List<User> users, boolean factored, boolean geometry) {

    public ChannelStreamShape {
        users = List.copyOf(users);
    }

    /** K, the number of users. */
    public int userCount() {
        return users.size();
    }

    /** Number of channel doubles in one record. */
    public long channelDoubles() {
        long k = users.size();
        long direct = 2L * aps * k * antennas;
        long risUser = 2L * rises * k * risElements;
        long apRis = factored ? 2L * aps * rises * (risElements + antennas) : 2L * aps * rises * risElements * antennas;
        return direct + risUser + apRis;
    }

    /** Bytes of the header, user table and header checksum included. */
    public long headerBytes() {
        return ChannelStreamFormat.HEADER_FIXED_BYTES + (long) ChannelStreamFormat.USER_ENTRY_BYTES * users.size()
                + Integer.BYTES;
    }

    /** Bytes of one record: key, arrivals, geometry if any, channels, CRC32. */
    public long recordBytes() {
        long k = users.size();
        long geometryBytes = geometry ? Double.BYTES * 3L * k + (long) (aps + rises) * k : 0;
        return ChannelStreamFormat.RECORD_KEY_BYTES + Double.BYTES * k + geometryBytes
                + Double.BYTES * channelDoubles() + Integer.BYTES;
    }

    /** Number of users of AP {@code ap} with type {@code type}. */
    public int count(int ap, UserType type) {
        int n = 0;
        for (User u : users) {
            n += u.ap() == ap && u.type() == type ? 1 : 0;
        }
        return n;
    }

    /** Users per AP and type, e.g. "AP 0: 2 SE + 1 IoT; AP 1: 2 SE + 1 IoT". */
    public String usersPerApAndType() {
        StringBuilder s = new StringBuilder();
        for (int m = 0; m < aps; m++) {
            s.append(m == 0 ? "" : "; ").append("AP ").append(m).append(": ").append(count(m, UserType.SE))
                    .append(" SE + ").append(count(m, UserType.IOT)).append(" IoT");
        }
        return s.toString();
    }

    /**
     * The network sizes in which this shape differs from {@code other} (not the storage flags), each
     * naming the quantity and both values; empty when a stream of this shape fits {@code other}'s network.
     *
     * @param thisName  how to call this shape's side in messages, e.g. "the recording"
     * @param otherName how to call the other side, e.g. "the scenario"
     */
    public List<String> differencesFrom(ChannelStreamShape other, String thisName, String otherName) {
        Objects.requireNonNull(other, "other");
        List<String> d = new ArrayList<>();
        differ(d, "M (APs)", aps, other.aps, thisName, otherName);
        differ(d, "J (RISs)", rises, other.rises, thisName, otherName);
        differ(d, "K (users)", users.size(), other.users.size(), thisName, otherName);
        differ(d, "N_A (antennas per AP)", antennas, other.antennas, thisName, otherName);
        differ(d, "L (elements per RIS)", risElements, other.risElements, thisName, otherName);
        differ(d, "T (slots per episode)", slotsPerEpisode, other.slotsPerEpisode, thisName, otherName);
        if (!users.equals(other.users)) {
            String perType = usersPerApAndType();
            String otherPerType = other.usersPerApAndType();
            if (!perType.equals(otherPerType) || aps != other.aps) {
                d.add("users per AP/type: " + thisName + " " + perType + ", " + otherName + " " + otherPerType);
            } else {
                int k = 0;
                while (users.get(k).equals(other.users.get(k))) {
                    k++;
                }
                d.add("user order: user " + k + " is " + describe(users.get(k)) + " in " + thisName + ", "
                        + describe(other.users.get(k)) + " in " + otherName);
            }
        }
        return d;
    }

    private static void differ(List<String> d, String what, int mine, int theirs, String thisName, String otherName) {
        if (mine != theirs) {
            d.add(what + ": " + thisName + " " + mine + ", " + otherName + " " + theirs);
        }
    }

    private static String describe(User u) {
        return "AP " + u.ap() + " " + (u.type() == UserType.SE ? "SE" : "IoT");
    }
}
