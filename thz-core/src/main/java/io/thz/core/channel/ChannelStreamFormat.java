package io.thz.core.channel;

/**
 * The binary channel-stream format, version 1 (big-endian, IEEE 754 doubles):
 * <pre>
 * header (32 bytes)
 *   0  4 bytes  magic "THZC"
 *   4  int      format version (1)
 *   8  int      M, APs
 *  12  int      J, RISs
 *  16  int      K, users
 *  20  int      N_A, antennas per AP
 *  24  int      L, elements per RIS
 *  28  int      flags: bit 0 set when AP-RIS channels are stored as rank-one factors
 * then one record per slot ({@link ChannelStreamShape#recordBytes()} bytes each)
 *      long     slot index
 *      doubles  direct[i][k][n] (re, im), i &lt; M, k &lt; K, n &lt; N_A
 *      doubles  risUser[j][k][l] (re, im)
 *      doubles  factored: for each (i, j) column[l] (re, im) then row[n] (re, im);
 *               else apRis[i][j] row-major L x N_A (re, im)
 *      int      CRC32 of the record's bytes before it
 * </pre>
 * A factored record is expanded on reading by {@link RankOneProduct}, the product the generator
 * uses, so a replay equals the generated stream bit for bit.
 */
public final class ChannelStreamFormat {

    /** "THZC". */
    public static final int MAGIC = 0x54485A43;
    public static final int VERSION = 1;
    public static final int HEADER_BYTES = 32;
    public static final int FLAG_FACTORED = 1;
    /** Largest record accepted, in bytes (a sanity bound against corrupt headers). */
    public static final long MAX_RECORD_BYTES = Integer.MAX_VALUE - 64;

    private ChannelStreamFormat() {
    }
}
