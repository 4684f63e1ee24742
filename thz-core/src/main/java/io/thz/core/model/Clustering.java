package io.thz.core.model;

/** How users are grouped into NOMA clusters (spec section 4). */
public enum Clustering {
    /** SE users head the clusters; IoT users join by channel correlation (7). */
    QOS,
    /** Baseline: the N_R users of largest channel norm head the clusters, whatever their type. */
    CSI
}
