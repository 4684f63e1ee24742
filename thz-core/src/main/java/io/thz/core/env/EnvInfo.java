package io.thz.core.env;

import io.thz.core.graph.EdgeType;
import io.thz.core.graph.NodeType;
import io.thz.core.policy.ActorInput;
import io.thz.core.policy.PolicyShape;

/**
 * What sizes the networks: the counts and feature widths of the Dec-POMDP (PyMARL's
 * {@code get_env_info}). Feature widths are in floats (a complex value is two). The widths of the
 * THz network are computed in one place, {@link FeatureBuilder}, next to the code that fills them.
 *
 * @param aps          M, AP agents
 * @param rises        J, RIS agents
 * @param usersPerAp   K_m, users served by each AP
 * @param risElements  L, elements per RIS
 * @param risChoices   1 + 2^B_R, choices per RIS element
 * @param apNodeDim    floats of an AP node feature
 * @param risNodeDim   floats of a RIS node feature
 * @param apApEdgeDim  floats of an AP-AP edge feature
 * @param apRisEdgeDim floats of an AP-RIS edge feature
 * @param risApEdgeDim floats of a RIS-AP edge feature
 * @param stateDim     floats of the global state s(t)
 * @param episodeSlots T, slots per episode
 * @param pmaxW        P_max, maximum transmit power of an AP, in watts
 */
public record EnvInfo(int aps, int rises, int usersPerAp, int risElements, int risChoices,
                      int apNodeDim, int risNodeDim, int apApEdgeDim, int apRisEdgeDim, int risApEdgeDim,
                      int stateDim, int episodeSlots, double pmaxW) {

    /** Number of agents, M + J. */
    public int agents() {
        return aps + rises;
    }

    /** K = M K_m, all users. */
    public int users() {
        return aps * usersPerAp;
    }

    /** 2^B_R, phase levels of a RIS element (the ON choices). */
    public int risPhaseLevels() {
        return risChoices - 1;
    }

    /** Width of an AP's action head: K_m + 1 Gaussian logits (its users plus the unused power). */
    public int apActionDim() {
        return usersPerAp + 1;
    }

    /** Categorical variables of a RIS's action: L, each over {@link #risChoices()} values. */
    public int risActionDim() {
        return risElements;
    }

    /** Floats of the node feature of a type. */
    public int nodeDim(NodeType type) {
        return type == NodeType.AP ? apNodeDim : risNodeDim;
    }

    /** Floats of the edge feature of a type. */
    public int edgeDim(EdgeType type) {
        return switch (type) {
            case AP_AP -> apApEdgeDim;
            case AP_RIS -> apRisEdgeDim;
            case RIS_AP -> risApEdgeDim;
        };
    }

    /** The policy shape for this environment and the given network sizes. */
    public PolicyShape policyShape(String algorithm, ActorInput actorInput, boolean localCritics, int layers,
                                   int embedding, int mlpHidden, int hidden, int gru) {
        return new PolicyShape(algorithm, actorInput, localCritics, aps, rises, apNodeDim, risNodeDim, apApEdgeDim,
                apRisEdgeDim, risApEdgeDim, layers, embedding, mlpHidden, hidden, gru, usersPerAp + 1, risElements,
                risChoices);
    }
}
