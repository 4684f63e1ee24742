package io.thz.learner.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/**
 * Every hyper-parameter of the learner, validated; the defaults (and a comment per key) are in the
 * bundled {@code learner-defaults.yaml}. Load with {@link LearnerConfigLoader}.
 *
 * @param network    network sizes (paper Table II)
 * @param training   optimisation, returns and losses (equations 42-50)
 * @param evaluation held-out evaluation
 */
public record LearnerConfig(@NotNull @Valid Network network, @NotNull @Valid Training training,
                            @NotNull @Valid Evaluation evaluation) {

    /**
     * @param layers        N, message-passing layers
     * @param embedding     S_E, floats of one exchanged embedding
     * @param mlpHidden     S_psi = S_Psi, hidden width of the psi and Psi MLPs
     * @param hidden        S_Z, floats of each layer output z^(n)
     * @param gru           S_GRU, width of the FC before the GRU and of the GRU
     * @param mixingEmbed   hidden width of the QMIX-style mixer
     * @param centralHidden hidden width of the central critic
     * @param initialLogStd initial log sigma of the AP Gaussian over power logits
     */
    public record Network(@Min(1) @Max(8) int layers, @Positive int embedding, @Positive int mlpHidden,
                          @Positive int hidden, @Positive int gru, @Positive int mixingEmbed,
                          @Positive int centralHidden,
                          @DecimalMin("-5.0") @DecimalMax("2.0") double initialLogStd) {
    }

    /**
     * @param learningRate        Adam step size for every network (kappa_mu = kappa_pi = kappa_V)
     * @param adamBeta1           Adam first-moment decay
     * @param adamBeta2           Adam second-moment decay
     * @param adamEpsilon         Adam denominator guard
     * @param gamma               discount Gamma
     * @param nStep               n of the n-step return (47); 1 is the one-step TD advantage (44)
     * @param entropyCoef         weight of the entropy bonus in the policy loss
     * @param valueCoef           weight of the critic loss (47) against the policy loss (kappa_V / kappa_pi)
     * @param targetTau           Polyak rate of the target critic used for bootstrapping (1: the online critic)
     * @param gradClipNorm        global L2 norm the gradient is clipped to
     * @param episodesPerUpdate   episodes per on-policy batch
     * @param checkpointIntervalUpdates updates between two checkpoints while training
     * @param rewardNormalisation centre and scale rewards by their running mean and standard deviation
     */
    public record Training(@DecimalMin(value = "0.0", inclusive = false) @DecimalMax("1.0") double learningRate,
                           @DecimalMin("0.0") @DecimalMax(value = "1.0", inclusive = false) double adamBeta1,
                           @DecimalMin("0.0") @DecimalMax(value = "1.0", inclusive = false) double adamBeta2,
                           @DecimalMin(value = "0.0", inclusive = false) double adamEpsilon,
                           @DecimalMin("0.0") @DecimalMax("1.0") double gamma,
                           @Min(1) int nStep,
                           @DecimalMin("0.0") double entropyCoef,
                           @DecimalMin(value = "0.0", inclusive = false) double valueCoef,
                           @DecimalMin(value = "0.0", inclusive = false) @DecimalMax("1.0") double targetTau,
                           @DecimalMin(value = "0.0", inclusive = false) double gradClipNorm,
                           @Min(1) int episodesPerUpdate,
                           @Min(1) int checkpointIntervalUpdates,
                           boolean rewardNormalisation) {
    }

    /**
     * @param episodes      held-out episodes per evaluation
     * @param seedOffset    held-out episode i uses seed + seedOffset + i, never a training seed
     * @param intervalSteps environment steps between two evaluations during training (0: only at the end)
     */
    public record Evaluation(@Min(1) int episodes, @Min(1) long seedOffset, @Min(0) long intervalSteps) {
    }
}
