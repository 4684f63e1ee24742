package io.thz.learner.learners;

/**
 * Diagnostics of one update.
 *
 * @param policyLoss  -mean(A log pi), equation (43) as a loss
 * @param criticLoss  mean squared n-step TD error of V_tot, equation (47)
 * @param entropy     mean joint entropy of the agents' action distributions
 * @param gradNorm    global L2 norm of the gradient before clipping
 * @param meanValue   mean V_tot over the batch (normalised reward units)
 * @param rewardScale the running reward standard deviation the centred rewards were divided by
 */
public record UpdateStats(double policyLoss, double criticLoss, double entropy, double gradNorm, double meanValue,
                          double rewardScale) {
}
