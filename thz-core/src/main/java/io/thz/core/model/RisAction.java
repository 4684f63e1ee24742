package io.thz.core.model;

/**
 * The configuration of one RIS for one slot, equations (1)-(3).
 *
 * @param on    per element, true when the element reflects (omega_jl = 1)
 * @param phase per element, the phase level beta_jl in 0..2^B_R - 1 (used only when on)
 */
public record RisAction(boolean[] on, int[] phase) {
}
