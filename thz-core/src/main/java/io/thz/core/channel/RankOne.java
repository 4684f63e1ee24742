package io.thz.core.channel;

import org.ejml.data.ZMatrixRMaj;

/**
 * A rank-one matrix kept factored: {@code G = column * row}, column L x 1 and row 1 x N_A.
 * The simulator's LoS AP-to-RIS channel is {@code sqrt(N_A L Lpath G_R) alpha_L(psi) alpha_NA(phi)^H},
 * so scoring can work on the factors instead of the L x N_A product.
 *
 * @param column L x 1
 * @param row    1 x N_A
 */
public record RankOne(ZMatrixRMaj column, ZMatrixRMaj row) {
}
