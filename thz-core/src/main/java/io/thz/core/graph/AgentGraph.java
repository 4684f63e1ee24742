package io.thz.core.graph;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The directed communication graph of the agents (paper Section IV-C-1, spec section 9): M AP nodes
 * (type 0) and J RIS nodes (type 1); an AP-AP, AP-RIS or RIS-AP edge joins two agents whose
 * distance is at most the neighbour radius. Edges are listed in a fixed order (by type in
 * {@link EdgeType} order, then source, then destination), the order in which edge features,
 * messages and tensors are laid out everywhere.
 */
public final class AgentGraph {

    private final int aps;
    private final int rises;
    private final List<Edge> edges;
    private final int[][] edgeIndexByType;
    private final List<List<Integer>> inboundAp;
    private final List<List<Integer>> inboundRis;
    private final List<List<Integer>> outboundAp;
    private final List<List<Integer>> outboundRis;

    /**
     * A graph from an explicit edge list.
     *
     * @param aps   M, number of AP agents
     * @param rises J, number of RIS agents
     * @param edges the edges; sorted into the canonical order, duplicates and self loops refused
     */
    public AgentGraph(int aps, int rises, List<Edge> edges) {
        if (aps < 1) {
            throw new IllegalArgumentException("aps=" + aps + " must be at least 1");
        }
        if (rises < 0) {
            throw new IllegalArgumentException("rises=" + rises + " must not be negative");
        }
        this.aps = aps;
        this.rises = rises;
        List<Edge> sorted = new ArrayList<>(edges);
        sorted.sort((a, b) -> a.type() != b.type() ? a.type().compareTo(b.type())
                : a.source() != b.source() ? Integer.compare(a.source(), b.source())
                : Integer.compare(a.destination(), b.destination()));
        for (int e = 0; e < sorted.size(); e++) {
            Edge edge = sorted.get(e);
            checkNode(edge.type().source(), edge.source(), "edges[" + e + "].source");
            checkNode(edge.type().destination(), edge.destination(), "edges[" + e + "].destination");
            if (edge.type() == EdgeType.AP_AP && edge.source() == edge.destination()) {
                throw new IllegalArgumentException("edges[" + e + "]: self loop on AP " + edge.source());
            }
            if (e > 0 && sorted.get(e - 1).equals(edge)) {
                throw new IllegalArgumentException("edges[" + e + "]: duplicate edge " + edge);
            }
        }
        this.edges = Collections.unmodifiableList(sorted);
        this.edgeIndexByType = new int[EdgeType.values().length][];
        for (EdgeType type : EdgeType.values()) {
            edgeIndexByType[type.ordinal()] = new int[0];
        }
        List<List<Integer>> byType = new ArrayList<>();
        for (int t = 0; t < EdgeType.values().length; t++) {
            byType.add(new ArrayList<>());
        }
        this.inboundAp = emptyLists(aps);
        this.inboundRis = emptyLists(rises);
        this.outboundAp = emptyLists(aps);
        this.outboundRis = emptyLists(rises);
        for (int e = 0; e < sorted.size(); e++) {
            Edge edge = sorted.get(e);
            byType.get(edge.type().ordinal()).add(e);
            nodeList(edge.type().destination(), true).get(edge.destination()).add(e);
            nodeList(edge.type().source(), false).get(edge.source()).add(e);
        }
        for (int t = 0; t < byType.size(); t++) {
            edgeIndexByType[t] = byType.get(t).stream().mapToInt(Integer::intValue).toArray();
        }
    }

    /**
     * The graph of a room: every pair of agents within {@code radiusM} of each other is linked by
     * the edge types of spec section 9 (AP-AP both ways, AP-RIS and RIS-AP).
     *
     * @param apPositions  [M][3] AP positions in metres
     * @param risPositions [J][3] RIS centre positions in metres
     * @param radiusM      neighbour radius in metres ({@code Double.POSITIVE_INFINITY}: everyone)
     * @return the graph
     */
    public static AgentGraph withinRadius(double[][] apPositions, double[][] risPositions, double radiusM) {
        if (!(radiusM > 0)) {
            throw new IllegalArgumentException("neighbour radius=" + radiusM + " m must be positive");
        }
        List<Edge> edges = new ArrayList<>();
        for (int i = 0; i < apPositions.length; i++) {
            for (int k = 0; k < apPositions.length; k++) {
                if (i != k && distance(apPositions[i], apPositions[k]) <= radiusM) {
                    edges.add(new Edge(EdgeType.AP_AP, i, k));
                }
            }
            for (int j = 0; j < risPositions.length; j++) {
                if (distance(apPositions[i], risPositions[j]) <= radiusM) {
                    edges.add(new Edge(EdgeType.AP_RIS, i, j));
                    edges.add(new Edge(EdgeType.RIS_AP, j, i));
                }
            }
        }
        return new AgentGraph(apPositions.length, risPositions.length, edges);
    }

    /**
     * The graph of a scenario: the neighbour radius of {@code network.neighbourRadiusM} between the
     * deployed AP and RIS centre positions, or the complete graph when no radius is set (spec
     * section 9: everything is everyone's neighbour in one room).
     */
    public static AgentGraph of(io.thz.core.scenario.Scenario scenario) {
        io.thz.core.geometry.Deployment d = scenario.deployment();
        Double radius = scenario.network().neighbourRadiusM();
        if (radius == null) {
            return complete(d.aps().size(), d.rises().size());
        }
        double[][] aps = d.aps().stream().map(p -> new double[] {p.x(), p.y(), p.z()}).toArray(double[][]::new);
        double[][] rises = d.rises().stream().map(r -> new double[] {r.centre().x(), r.centre().y(), r.centre().z()})
                .toArray(double[][]::new);
        return withinRadius(aps, rises, radius);
    }

    /** The complete graph: every AP-AP, AP-RIS and RIS-AP edge (the spec's default, one room). */
    public static AgentGraph complete(int aps, int rises) {
        List<Edge> edges = new ArrayList<>();
        for (int i = 0; i < aps; i++) {
            for (int k = 0; k < aps; k++) {
                if (i != k) {
                    edges.add(new Edge(EdgeType.AP_AP, i, k));
                }
            }
            for (int j = 0; j < rises; j++) {
                edges.add(new Edge(EdgeType.AP_RIS, i, j));
                edges.add(new Edge(EdgeType.RIS_AP, j, i));
            }
        }
        return new AgentGraph(aps, rises, edges);
    }

    /** M, number of AP agents. */
    public int aps() {
        return aps;
    }

    /** J, number of RIS agents. */
    public int rises() {
        return rises;
    }

    /** Number of nodes of one type. */
    public int nodes(NodeType type) {
        return type == NodeType.AP ? aps : rises;
    }

    /** All agents, M + J. */
    public int agents() {
        return aps + rises;
    }

    /** All edges in canonical order. */
    public List<Edge> edges() {
        return edges;
    }

    /** Indices (into {@link #edges()}) of the edges of one type, in canonical order. */
    public int[] edgesOfType(EdgeType type) {
        return edgeIndexByType[type.ordinal()].clone();
    }

    /** Number of edges of one type. */
    public int edgeCount(EdgeType type) {
        return edgeIndexByType[type.ordinal()].length;
    }

    /** Position of edge {@code edgeIndex} among the edges of its own type. */
    public int indexWithinType(int edgeIndex) {
        int[] ofType = edgeIndexByType[edges.get(edgeIndex).type().ordinal()];
        for (int k = 0; k < ofType.length; k++) {
            if (ofType[k] == edgeIndex) {
                return k;
            }
        }
        throw new IllegalStateException("edge " + edgeIndex + " missing from its type list");
    }

    /** Indices of the edges entering node (type, index): the set N_{i-} of the paper. */
    public List<Integer> inbound(NodeType type, int index) {
        return Collections.unmodifiableList(nodeList(type, true).get(index));
    }

    /** Indices of the edges leaving node (type, index): the set N_{i+} of the paper. */
    public List<Integer> outbound(NodeType type, int index) {
        return Collections.unmodifiableList(nodeList(type, false).get(index));
    }

    /** The index of edge (type, source, destination), or -1 when the two are not neighbours. */
    public int find(EdgeType type, int source, int destination) {
        for (int e : edgeIndexByType[type.ordinal()]) {
            Edge edge = edges.get(e);
            if (edge.source() == source && edge.destination() == destination) {
                return e;
            }
        }
        return -1;
    }

    private List<List<Integer>> nodeList(NodeType type, boolean inbound) {
        if (type == NodeType.AP) {
            return inbound ? inboundAp : outboundAp;
        }
        return inbound ? inboundRis : outboundRis;
    }

    private void checkNode(NodeType type, int index, String field) {
        int count = nodes(type);
        if (index < 0 || index >= count) {
            throw new IllegalArgumentException(field + "=" + index + " is not a " + type + " node (0.."
                    + (count - 1) + ")");
        }
    }

    private static List<List<Integer>> emptyLists(int n) {
        List<List<Integer>> lists = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            lists.add(new ArrayList<>());
        }
        return lists;
    }

    private static double distance(double[] a, double[] b) {
        double dx = a[0] - b[0];
        double dy = a[1] - b[1];
        double dz = a[2] - b[2];
        return Math.sqrt(dx * dx + dy * dy + dz * dz);
    }

    @Override
    public String toString() {
        return "AgentGraph[aps=" + aps + ", rises=" + rises + ", edges=" + edges.size() + "]";
    }
}
