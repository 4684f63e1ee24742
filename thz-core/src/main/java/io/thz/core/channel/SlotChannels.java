package io.thz.core.channel;

import org.ejml.data.ZMatrixRMaj;

import java.util.Objects;

/**
 * The channels of one slot, before RIS reconfiguration (spec section 3).
 *
 * <p>All complex baseband amplitudes are dimensionless (square root of a linear power gain).
 * Shapes: {@code direct[i][k]} is 1 x N_A (AP i to user k, equation 5), {@code risUser[j][k]} is
 * 1 x L (RIS j to user k), {@code apRis[i][j]} is L x N_A (AP i to RIS j). Users are indexed
 * globally (0..K-1) whatever AP serves them.
 *
 * @param antennas    N_A, antennas per AP
 * @param risElements L, elements per RIS
 * @param direct      [M][K] rows of length N_A
 * @param risUser     [J][K] rows of length L
 * @param apRis       [M][J] L x N_A matrices
 * @param apRisFactors [M][J] the same matrices as rank-one factors where known, else null (the
 *                     whole array or single entries); when present they must equal apRis
 */
public record SlotChannels(int antennas, int risElements,
                           ZMatrixRMaj[][] direct, ZMatrixRMaj[][] risUser, ZMatrixRMaj[][] apRis,
                           RankOne[][] apRisFactors) {

    /** Channels with general (not factored) AP-to-RIS matrices. */
    public SlotChannels(int antennas, int risElements,
                        ZMatrixRMaj[][] direct, ZMatrixRMaj[][] risUser, ZMatrixRMaj[][] apRis) {
        this(antennas, risElements, direct, risUser, apRis, null);
    }

    public SlotChannels {
        Objects.requireNonNull(direct, "direct");
        Objects.requireNonNull(risUser, "risUser");
        Objects.requireNonNull(apRis, "apRis");
    }

    /** The factored AP i to RIS j matrix, or null when only the full matrix is known. */
    public RankOne apRisFactor(int ap, int ris) {
        return apRisFactors == null ? null : apRisFactors[ap][ris];
    }

    /** M, the number of APs. */
    public int aps() {
        return direct.length;
    }

    /** J, the number of RISs. */
    public int rises() {
        return risUser.length;
    }

    /** K, the number of users. */
    public int users() {
        return direct.length == 0 ? 0 : direct[0].length;
    }
}
