package io.thz.learner.learners;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.thz.core.env.EnvInfo;
import io.thz.core.graph.AgentGraph;
import io.thz.core.policy.GraphObservation;
import io.thz.core.policy.PolicyShape;
import io.thz.core.policy.WeightBlob;
import io.thz.learner.components.Adam;
import io.thz.learner.components.Checkpoint;
import io.thz.learner.components.Episode;
import io.thz.learner.components.ObservationTensors;
import io.thz.learner.components.RunningStd;
import io.thz.learner.config.LearnerConfig;
import io.thz.learner.modules.ParameterInit;
import io.thz.learner.modules.ParameterNames;
import io.thz.learner.modules.agents.AgentNetworks;
import io.thz.learner.modules.agents.AgentOutputs;
import io.thz.learner.modules.critics.Critics;
import io.thz.learner.modules.gnn.GraphTensors;
import io.thz.learner.modules.mixers.Mixer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The centralised training of GE-VDAC and its baselines, equations (42)-(50), on on-policy batches
 * of whole episodes:
 * <ol>
 *   <li>rewards centred and scaled by their running mean and standard deviation (when configured):
 *       every episode lasts exactly T slots, so a constant shift changes no policy gradient, and the
 *       critics then track values of order one at Table II's small learning rate;</li>
 *   <li>one forward pass of every actor, local critic and V_tot over the batch (GRU state zero at
 *       each episode start);</li>
 *   <li>n-step returns r^_t (47) bootstrapped from V_tot of a target copy of the critic path
 *       (actors' shared layers, local critics, mixer), cut at the episode end and never past a
 *       terminal slot; the advantage A_t = r^_t - V_tot(s_t) ((44) for n = 1);</li>
 *   <li>loss = -mean(A_t sum_i log pi_i(a_i)) - c_H mean(sum_i H_i) + c_V mean((r^_t - V_tot(s_t))^2);</li>
 *   <li>gradient clipped to a global L2 norm, one Adam step for actors, critics and mixer alike
 *       (their learning rates are equal in Table II);</li>
 *   <li>the target copy follows by Polyak averaging, theta' = tau theta + (1 - tau) theta'.</li>
 * </ol>
 * The target copy is not in the paper: bootstrapping from the online critic, which also values the
 * never-trained state after the last slot, diverged on the THz network (the critic loss grew
 * without bound within a few hundred episodes); a slowly moving target, as in EPyMARL's
 * actor-critic learners, keeps it stable. {@code training.targetTau = 1} recovers the paper's rule.
 *
 * <p>Dimensions: B episodes, T slots, T1 = T + 1 observations, M APs, J RISs, n = M + J agents,
 * A = K_m + 1 power logits, L RIS elements, C choices per element, D global state.
 */
public final class ActorCriticLearner implements AutoCloseable {

    private static final double HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);

    private final Algorithm algorithm;
    private final LearnerConfig config;
    private final EnvInfo info;
    private final PolicyShape shape;
    private final AgentGraph graph;
    private final GraphTensors graphTensors;
    private final long seed;
    private final Model model;
    private final AgentNetworks agents;
    private final Mixer value;
    private final AgentNetworks targetAgents;
    private final Mixer targetValue;
    private final Map<String, Parameter> parameters = new LinkedHashMap<>();
    private final Map<String, Parameter> targetParameters = new LinkedHashMap<>();
    private final Adam adam;
    private RunningStd rewardStats = new RunningStd();
    private long updates;
    private Map<String, Double> lastGradientNorms = Map.of();

    public ActorCriticLearner(Algorithm algorithm, LearnerConfig config, EnvInfo info, AgentGraph graph, long seed) {
        this.algorithm = algorithm;
        this.config = config;
        this.info = info;
        this.graph = graph;
        this.graphTensors = new GraphTensors(graph);
        this.seed = seed;
        LearnerConfig.Network net = config.network();
        this.shape = info.policyShape(algorithm.name(), algorithm.actorInput(), algorithm.localCritics(), net.layers(),
                net.embedding(), net.mlpHidden(), net.hidden(), net.gru());
        this.model = Model.newInstance("thz-" + algorithm.name());
        this.agents = AgentNetworks.builder().setShape(shape).optInitialLogStd(net.initialLogStd()).build();
        model.setBlock(agents);
        agents.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1));
        this.value = Critics.get(algorithm.critic()).create(info.agents(), info.stateDim(), net);
        value.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1));
        parameters.putAll(agents.namedParameters());
        Map<String, Parameter> valueParams = ParameterNames.of(value, algorithm.critic().equals("qmix") ? "mixer" : "critic");
        parameters.putAll(valueParams);
        ParameterInit.reset(parameters, seed);
        this.targetAgents = AgentNetworks.builder().setShape(shape).optInitialLogStd(net.initialLogStd()).build();
        targetAgents.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1));
        this.targetValue = Critics.get(algorithm.critic()).create(info.agents(), info.stateDim(), net);
        targetValue.initialize(model.getNDManager(), DataType.FLOAT32, new Shape(1));
        targetParameters.putAll(targetAgents.namedParameters());
        targetParameters.putAll(ParameterNames.of(targetValue, algorithm.critic().equals("qmix") ? "mixer" : "critic"));
        if (!targetParameters.keySet().equals(parameters.keySet())) {
            throw new IllegalStateException("target network parameters differ from the online ones");
        }
        for (Map.Entry<String, Parameter> p : parameters.entrySet()) {
            Parameter target = targetParameters.get(p.getKey());
            target.getArray().setRequiresGradient(false);
            target.getArray().set(p.getValue().getArray().toFloatArray());
        }
        LearnerConfig.Training tr = config.training();
        this.adam = new Adam(tr.learningRate(), tr.adamBeta1(), tr.adamBeta2(), tr.adamEpsilon());
    }

    public Algorithm algorithm() {
        return algorithm;
    }

    public PolicyShape shape() {
        return shape;
    }

    public AgentGraph graph() {
        return graph;
    }

    /** Updates done so far (the published policy version). */
    public long updates() {
        return updates;
    }

    /** The current actors as the blob agents load. */
    public WeightBlob policy() {
        return agents.export(updates);
    }

    /** The agents' networks (tests and diagnostics). */
    public AgentNetworks agents() {
        return agents;
    }

    /** V_tot's network: the mixer or the central critic (tests and diagnostics). */
    public Mixer valueFunction() {
        return value;
    }

    /** The manager owning the parameters. */
    public NDManager manager() {
        return model.getNDManager();
    }

    /** Every trainable parameter by name: actors, local critics, GNN, mixer or central critic. */
    public Map<String, Parameter> parameters() {
        return parameters;
    }

    /** L2 norm of each parameter's gradient in the last update, before clipping. */
    public Map<String, Double> lastGradientNorms() {
        return lastGradientNorms;
    }

    /** A copy of every parameter's values. */
    public Map<String, float[]> parameterValues() {
        Map<String, float[]> values = new LinkedHashMap<>();
        parameters.forEach((name, p) -> values.put(name, p.getArray().toFloatArray()));
        return values;
    }

    /**
     * One update from a batch of complete episodes, all of the same length.
     *
     * @param batch B episodes played with the current policy
     * @return diagnostics
     */
    public UpdateStats train(List<Episode> batch) {
        LearnerConfig.Training tr = config.training();
        int b = batch.size();
        int t = batch.get(0).length();
        int t1 = t + 1;
        int m = info.aps();
        int j = info.rises();
        int n = info.agents();
        int a = shape.apActions();
        int l = shape.risElements();
        int c = shape.risChoices();
        if (tr.rewardNormalisation()) {
            for (Episode e : batch) {
                for (int k = 0; k < e.length(); k++) {
                    rewardStats.add(e.reward(k));
                }
            }
        }
        double scale = tr.rewardNormalisation() ? rewardStats.std() : 1.0;
        double shift = tr.rewardNormalisation() ? rewardStats.mean() : 0.0;
        UpdateStats stats;
        Map<String, float[]> gradients = new LinkedHashMap<>();
        try (NDManager step = model.getNDManager().newSubManager()) {
            ParameterStore store = new ParameterStore(step, false);
            List<List<GraphObservation>> observations = new ArrayList<>(b);
            float[] states = new float[b * t1 * info.stateDim()];
            float[] apX = new float[b * t * m * a];
            float[] risOneHot = new float[b * t * j * l * c];
            int sAt = 0;
            int xAt = 0;
            for (int e = 0; e < b; e++) {
                Episode episode = batch.get(e);
                if (episode.length() != t || episode.observations().size() != t1) {
                    throw new IllegalArgumentException("episode " + e + " has " + episode.length()
                            + " slots, the batch " + t);
                }
                observations.add(episode.observations());
                for (float[] s : episode.states()) {
                    System.arraycopy(s, 0, states, sAt, s.length);
                    sAt += s.length;
                }
                for (int k = 0; k < t; k++) {
                    for (int i = 0; i < m; i++) {
                        System.arraycopy(episode.apLogits()[k][i], 0, apX, xAt, a);
                        xAt += a;
                    }
                    for (int r = 0; r < j; r++) {
                        for (int el = 0; el < l; el++) {
                            int base = ((((e * t + k) * j + r) * l) + el) * c;
                            risOneHot[base + episode.risChoices()[k][r][el]] = 1f;
                        }
                    }
                }
            }
            NDArray state = AgentNetworks.symlog(step.create(states, new Shape((long) b * t1, info.stateDim()))); // (B T1, D)
            NDArray x = step.create(apX, new Shape(b, t, m, a));                                  // (B, T, M, A)
            NDArray chosen = j == 0 ? null : step.create(risOneHot, new Shape(b, t, j, l, c));   // (B, T, J, L, C)
            io.thz.learner.modules.agents.PolicyInputs inputs = ObservationTensors.pack(step, shape, graph, observations);
            float[] vTarget = valueOf(targetAgents, targetValue, store, inputs, state, b, t1, false).toFloatArray();
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                AgentOutputs out = agents.apply(store, graphTensors, inputs, true);
                NDArray values = null;
                if (algorithm.localCritics()) {
                    values = out.risValue() == null ? out.apValue() : out.apValue().concat(out.risValue(), 2); // (B, T1, n)
                    values = values.reshape((long) b * t1, n);                                    // (B T1, n)
                }
                NDArray vTot = value.mix(store, values, state, true).reshape(b, t1);              // (B, T1)
                float[] v = vTot.toFloatArray();
                float[] targets = new float[b * t];
                float[] advantages = new float[b * t];
                nStepTargets(batch, vTarget, v, shift, scale, targets, advantages);
                NDArray target = step.create(targets, new Shape(b, t));                          // (B, T)
                NDArray advantage = step.create(advantages, new Shape(b, t));                    // (B, T)
                NDArray vNow = vTot.get(new NDIndex(":, 0:{}", t));                               // (B, T)
                NDArray criticLoss = target.sub(vNow).square().mean();

                // AP: diagonal Gaussian over the power logits
                NDArray mean = out.apHead().get(new NDIndex(":, 0:{}", t));                       // (B, T, M, A)
                NDArray logStd = step.zeros(new Shape(a)).add(out.apLogStd());                    // (A)
                NDArray z = x.sub(mean).div(logStd.exp());                                        // (B, T, M, A)
                NDArray logProb = z.square().mul(-0.5).sub(logStd).sub(HALF_LOG_2PI)
                        .sum(new int[] {3}).sum(new int[] {2});                                   // (B, T)
                NDArray entropy = logStd.add(0.5 + HALF_LOG_2PI).sum().mul(m);                    // ()
                // RIS: one categorical per element
                if (j > 0) {
                    NDArray logits = out.risHead().get(new NDIndex(":, 0:{}", t)).reshape(b, t, j, l, c);
                    NDArray logSoftmax = logits.logSoftmax(4);                                    // (B, T, J, L, C)
                    logProb = logProb.add(logSoftmax.mul(chosen).sum(new int[] {4, 3, 2}));      // (B, T)
                    NDArray risEntropy = logSoftmax.exp().mul(logSoftmax).sum(new int[] {4, 3, 2}).neg(); // (B, T)
                    entropy = risEntropy.add(entropy);                                            // (B, T)
                }
                NDArray policyLoss = advantage.mul(logProb).mean().neg();
                NDArray meanEntropy = entropy.mean();
                NDArray loss = policyLoss.sub(meanEntropy.mul(tr.entropyCoef()))
                        .add(criticLoss.mul(tr.valueCoef()));
                collector.backward(loss);
                double meanValue = 0;
                for (float vi : v) {
                    meanValue += vi;
                }
                stats = new UpdateStats(policyLoss.getFloat(), criticLoss.getFloat(), meanEntropy.getFloat(), 0,
                        meanValue / v.length, scale);
            }
            for (Map.Entry<String, Parameter> p : parameters.entrySet()) {
                NDArray array = p.getValue().getArray();
                try (NDArray grad = array.getGradient()) {
                    gradients.put(p.getKey(), grad.toFloatArray());
                    grad.subi(grad); // PyTorch accumulates gradients: clear them for the next update
                }
            }
        }
        double norm = applyGradients(gradients);
        updates++;
        return new UpdateStats(stats.policyLoss(), stats.criticLoss(), stats.entropy(), norm, stats.meanValue(),
                stats.rewardScale());
    }

    /** V_tot (B, T1) of a pair of agents' networks and value function, without gradient. */
    private NDArray valueOf(AgentNetworks networks, Mixer valueFunction, ParameterStore store,
                            io.thz.learner.modules.agents.PolicyInputs inputs, NDArray state, int b, int t1,
                            boolean training) {
        AgentOutputs out = networks.apply(store, graphTensors, inputs, training);
        NDArray values = null;
        if (algorithm.localCritics()) {
            values = out.risValue() == null ? out.apValue() : out.apValue().concat(out.risValue(), 2);
            values = values.reshape((long) b * t1, info.agents());
        }
        return valueFunction.mix(store, values, state, training).reshape(b, t1);
    }

    /**
     * r^_t of (47), bootstrapped from the target values, and A_t = r^_t - V_tot(s_t) with the online
     * values, on rewards (r - shift) / scale.
     */
    private void nStepTargets(List<Episode> batch, float[] vTarget, float[] v, double shift, double scale,
                              float[] targets, float[] advantages) {
        LearnerConfig.Training tr = config.training();
        int t = batch.get(0).length();
        int t1 = t + 1;
        for (int e = 0; e < batch.size(); e++) {
            Episode episode = batch.get(e);
            for (int k = 0; k < t; k++) {
                double ret = 0;
                double discount = 1;
                int last = Math.min(k + tr.nStep(), t);
                boolean terminal = false;
                for (int i = k; i < last; i++) {
                    ret += discount * (episode.reward(i) - shift) / scale;
                    discount *= tr.gamma();
                    if (episode.terminated()[i]) {
                        terminal = true;
                        break;
                    }
                }
                if (!terminal) {
                    ret += discount * vTarget[e * t1 + last];
                }
                targets[e * t + k] = (float) ret;
                advantages[e * t + k] = (float) (ret - v[e * t1 + k]);
            }
        }
    }

    private double applyGradients(Map<String, float[]> gradients) {
        double total = 0;
        Map<String, Double> norms = new LinkedHashMap<>();
        for (Map.Entry<String, float[]> g : gradients.entrySet()) {
            double sq = 0;
            for (float gi : g.getValue()) {
                sq += (double) gi * gi;
            }
            norms.put(g.getKey(), Math.sqrt(sq));
            total += sq;
        }
        double norm = Math.sqrt(total);
        if (!Double.isFinite(norm)) {
            throw new IllegalStateException("gradient norm is " + norm + " at update " + updates);
        }
        lastGradientNorms = norms;
        double clip = config.training().gradClipNorm();
        double factor = norm > clip ? clip / (norm + 1e-6) : 1.0;
        adam.beginStep();
        for (Map.Entry<String, float[]> g : gradients.entrySet()) {
            float[] grad = g.getValue();
            if (factor != 1.0) {
                for (int i = 0; i < grad.length; i++) {
                    grad[i] = (float) (grad[i] * factor);
                }
            }
            Parameter p = parameters.get(g.getKey());
            float[] values = p.getArray().toFloatArray();
            adam.update(g.getKey(), values, grad);
            p.getArray().set(values);
            Parameter target = targetParameters.get(g.getKey());
            float[] tv = target.getArray().toFloatArray();
            double tau = config.training().targetTau();
            for (int i = 0; i < tv.length; i++) {
                tv[i] = (float) (tau * values[i] + (1 - tau) * tv[i]);
            }
            target.getArray().set(tv);
        }
        return norm;
    }

    /** Everything needed to resume; {@code extra} fields are added to the header. */
    public Checkpoint checkpoint(ObjectNode extra) {
        ObjectNode header = JsonNodeFactory.instance.objectNode();
        header.put("algorithm", algorithm.name());
        header.put("seed", seed);
        header.put("updates", updates);
        header.put("adamSteps", adam.steps());
        header.put("rewardCount", rewardStats.count());
        header.put("rewardMean", rewardStats.mean());
        header.put("rewardM2", rewardStats.m2());
        if (extra != null) {
            header.setAll(extra);
        }
        Map<String, float[]> values = parameterValues();
        targetParameters.forEach((name, p) -> values.put("target:" + name, p.getArray().toFloatArray()));
        return new Checkpoint(header, values, adam.firstMoments(), adam.secondMoments());
    }

    /** Restores parameters, optimiser and counters from a checkpoint of the same algorithm and shape. */
    public void restore(Checkpoint checkpoint) {
        JsonNode h = checkpoint.header();
        if (!algorithm.name().equals(h.path("algorithm").asText())) {
            throw new IllegalArgumentException("checkpoint of algorithm '" + h.path("algorithm").asText()
                    + "' cannot resume '" + algorithm.name() + "'");
        }
        for (Map.Entry<String, Parameter> p : parameters.entrySet()) {
            float[] values = checkpoint.parameters().get(p.getKey());
            if (values == null || values.length != p.getValue().getArray().size()) {
                throw new IllegalArgumentException("checkpoint parameter '" + p.getKey() + "' is missing or has "
                        + "the wrong size (network shape changed?)");
            }
            p.getValue().getArray().set(values);
            float[] target = checkpoint.parameters().get("target:" + p.getKey());
            if (target == null) {
                throw new IllegalArgumentException("checkpoint has no target copy of '" + p.getKey() + "'");
            }
            targetParameters.get(p.getKey()).getArray().set(target);
        }
        if (checkpoint.parameters().size() != 2 * parameters.size()) {
            throw new IllegalArgumentException("checkpoint has " + checkpoint.parameters().size()
                    + " tensors, the network and its target copy " + 2 * parameters.size());
        }
        adam.restore(h.path("adamSteps").asLong(), checkpoint.adamFirst(), checkpoint.adamSecond());
        rewardStats = new RunningStd(h.path("rewardCount").asLong(), h.path("rewardMean").asDouble(),
                h.path("rewardM2").asDouble());
        updates = h.path("updates").asLong();
    }

    @Override
    public void close() {
        model.close();
    }
}
