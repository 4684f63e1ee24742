package io.thz.core.channel;

/**
 * The fixed shape of every slot in a channel stream.
 *
 * @param aps         M
 * @param rises       J
 * @param users       K
 * @param antennas    N_A
 * @param risElements L
 * @param factored    true when the AP-RIS channels are stored as rank-one factors
 */
public record ChannelStreamShape(int aps, int rises, int users, int antennas, int risElements, boolean factored) {

    /** The shape of one slot's channels; factored when every AP-RIS factor is present. */
    public static ChannelStreamShape of(SlotChannels channels) {
        boolean factored = channels.apRisFactors() != null;
        if (factored) {
            for (RankOne[] row : channels.apRisFactors()) {
                for (RankOne f : row) {
                    factored &= f != null;
                }
            }
        }
        return new ChannelStreamShape(channels.aps(), channels.rises(), channels.users(), channels.antennas(),
                channels.risElements(), factored);
    }

    /** Number of doubles in one slot record. */
    public long doublesPerSlot() {
        long direct = 2L * aps * users * antennas;
        long risUser = 2L * rises * users * risElements;
        long apRis = factored ? 2L * aps * rises * (risElements + antennas) : 2L * aps * rises * risElements * antennas;
        return direct + risUser + apRis;
    }

    /** Bytes of one slot record: slot index, doubles, CRC32. */
    public long recordBytes() {
        return Long.BYTES + Double.BYTES * doublesPerSlot() + Integer.BYTES;
    }
}
