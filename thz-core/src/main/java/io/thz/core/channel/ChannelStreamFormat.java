package io.thz.core.channel;

/**
 * The binary channel-stream format, version 2 (big-endian, IEEE 754 doubles). A stream holds
 * everything a replay of the network needs, slot by slot, plus the shape of the network it was
 * made for, so a replay against another network is refused.
 * <pre>
 * header ({@link ChannelStreamShape#headerBytes()} = 48 + 8 K bytes)
 *   0  4 bytes  magic "THZC"
 *   4  int      format version (2)
 *   8  int      M, APs
 *  12  int      J, RISs (0: no RIS)
 *  16  int      K, users
 *  20  int      N_A, antennas per AP
 *  24  int      L, elements per RIS
 *  28  int      T, slots per episode
 *  32  int      flags: bit 0 FACTORED (AP-RIS channels stored as rank-one factors),
 *                      bit 1 GEOMETRY (records carry user positions and LoS draws),
 *                      bit 2 SEED (the seed field is the simulator's master seed)
 *  36  long     seed (0 without the SEED flag, e.g. measured channels)
 *  44  K x      user table in the scenario's global user order:
 *      (int ap, int type)   serving AP 0..M-1, type 0 = SE, 1 = IoT
 *  44 + 8K int  CRC32 of the header's bytes before it
 * then fixed-size records ({@link ChannelStreamShape#recordBytes()} bytes each)
 *   0  long     slot index t (a bootstrap record: t of its episode's last slot + 1)
 *   8  long     episode
 *  16  int      slot in episode: 0..T-1, or T for a bootstrap record
 *  20  int      flags: bit 0 LAST_IN_EPISODE (slot T-1), bit 1 BOOTSTRAP (slot T)
 *  24  doubles  arrivals A_k(t) in Gbit, k &lt; K (finite, &gt;= 0; all 0 in a bootstrap record)
 *      GEOMETRY only: doubles positions[k] (x, y, z) in metres, k &lt; K;
 *                     bytes losDirect[i][k] (0 or 1), i &lt; M; bytes losRis[j][k], j &lt; J
 *      doubles  direct[i][k][n] (re, im), i &lt; M, k &lt; K, n &lt; N_A
 *      doubles  risUser[j][k][l] (re, im)
 *      doubles  FACTORED: for each (i, j) column[l] (re, im) then row[n] (re, im);
 *               else apRis[i][j] row-major L x N_A (re, im)
 *      int      CRC32 of the record's bytes before it
 * </pre>
 * An episode is T slot records (slots 0..T-1 of one episode, consecutive slot indices) followed
 * by its bootstrap record: the slot after the time limit, whose channels the environment shows
 * with the last transition (for the critics' bootstrap value) but never plays. A factored record
 * is expanded on reading by {@link RankOneProduct}, the product the generator uses, so a replay
 * equals the generated stream bit for bit.
 *
 * <p>Version 1 (a 32-byte header with M, J, K, N_A, L and flags; records of slot index and
 * channels only) is refused by name: it lacks the traffic, the episode structure and the
 * network's user table that a replay needs.
 */
public final class ChannelStreamFormat {

    /** "THZC". */
    public static final int MAGIC = 0x54485A43;
    public static final int VERSION = 2;
    /** Header bytes before the user table. */
    public static final int HEADER_FIXED_BYTES = 44;
    /** Bytes of one user-table entry: int ap, int type. */
    public static final int USER_ENTRY_BYTES = 8;
    /** Record bytes before the arrivals: slot, episode, slot in episode, flags. */
    public static final int RECORD_KEY_BYTES = 24;

    public static final int FLAG_FACTORED = 1;
    public static final int FLAG_GEOMETRY = 2;
    public static final int FLAG_SEED = 4;

    public static final int RECORD_LAST_IN_EPISODE = 1;
    public static final int RECORD_BOOTSTRAP = 2;

    /** Largest user count accepted in a header (a sanity bound against corrupt headers). */
    public static final int MAX_USERS = 1 << 20;
    /** Largest record accepted, in bytes (a sanity bound against corrupt headers). */
    public static final long MAX_RECORD_BYTES = Integer.MAX_VALUE - 64;

    private ChannelStreamFormat() {
    }
}
