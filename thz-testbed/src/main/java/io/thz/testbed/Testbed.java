package io.thz.testbed;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.thz.core.wire.OutcomeRecord;
import io.thz.core.wire.RunStatus;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The whole testbed on one machine: a Kafka broker (the local one unless given) and the four
 * services as child JVMs, wired by configuration only. Closing it stops everything it started, in
 * reverse order.
 */
public final class Testbed implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);

    private final TestbedOptions options;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<ServiceProcess> services = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, ServiceProcess> byName = Collections.synchronizedMap(new LinkedHashMap<>());
    private String bootstrap;
    private boolean startedBroker;
    private int nextPort;
    private ServiceProcess channel;

    public Testbed(TestbedOptions options) {
        this.options = options;
        this.nextPort = options.basePort();
    }

    /** Starts the broker and the services and waits until all are ready. */
    public void start(ProgressSink progress) throws IOException, InterruptedException {
        bootstrap = options.bootstrap();
        if (bootstrap == null) {
            progress.line("starting the local Kafka broker");
            LocalBroker broker = new LocalBroker(options.root());
            startedBroker = broker.start();
            bootstrap = broker.bootstrap();
        }
        progress.line("Kafka at " + bootstrap + "; starting learner, agents and channel services");
        List<ServiceProcess> starting = new ArrayList<>();
        starting.add(launch("learner-service", "learner", "1g"));
        for (int r = 0; r < options.apReplicas(); r++) {
            starting.add(launch("ap-agent-service", "ap-agent-" + r, "256m"));
        }
        for (int r = 0; r < options.risReplicas(); r++) {
            starting.add(launch("ris-agent-service", "ris-agent-" + r, "256m"));
        }
        channel = launch("channel-service", "channel", "512m");
        starting.add(channel);
        for (ServiceProcess s : starting) {
            s.awaitReady(READY_TIMEOUT);
            progress.line(s.name() + " ready (pid " + s.pid() + ", http " + s.httpPort() + ")");
        }
    }

    /** Starts one more replica of a service (e.g. to test scaling). */
    public ServiceProcess launch(String module, String name, String heap) throws IOException {
        return launch(module, name, heap, nextPort++);
    }

    /**
     * Stops a service (SIGTERM, as an orchestrator would) and starts it again with the same name,
     * port and configuration; waits until it is ready.
     */
    public ServiceProcess restart(String name) throws IOException, InterruptedException {
        ServiceProcess old = byName.get(name);
        if (old == null) {
            throw new IllegalArgumentException("no service " + name);
        }
        old.stop(Duration.ofSeconds(30));
        services.remove(old);
        ServiceProcess fresh = launch(modules.get(name), name, heaps.get(name), old.httpPort());
        fresh.awaitReady(READY_TIMEOUT);
        return fresh;
    }

    private final Map<String, String> modules = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<String, String> heaps = new java.util.concurrent.ConcurrentHashMap<>();

    private ServiceProcess launch(String module, String name, String heap, int port) throws IOException {
        modules.put(name, module);
        heaps.put(name, heap);
        Map<String, String> props = new LinkedHashMap<>();
        props.put("kafka.bootstrap.servers", bootstrap);
        props.put("thz.topics.prefix", options.topicPrefix());
        props.put("thz.model.algorithm", options.algorithm());
        props.put("thz.model.seed", Long.toString(options.seed()));
        if (options.scenario() != null) {
            props.put("thz.model.scenario-file", options.scenario().toAbsolutePath().toString());
        }
        props.put("thz.channel.deadline-ms", Long.toString(options.slotDeadline().toMillis()));
        props.put("thz.learner.enabled", Boolean.toString(options.learn()));
        props.put("thz.learner.checkpoint-dir", options.runDir().resolve("checkpoints").toAbsolutePath().toString());
        props.put("thz.agent.replica", name);
        props.put("ai.djl.offline", "true");
        props.putAll(options.properties());
        Map<String, String> env = Map.of("OMP_NUM_THREADS", "1");
        ServiceProcess p = ServiceProcess.start(options.root(), module, name, port, props, env, heap,
                options.runDir().resolve("logs"));
        services.add(p);
        byName.put(name, p);
        return p;
    }

    /** A running service by name (learner, ap-agent-0, ris-agent-0, channel, ...). */
    public ServiceProcess service(String name) {
        return byName.get(name);
    }

    /** Asks the channel-service to run {@code slots} slots. */
    public RunStatus startRun(long slots) throws IOException, InterruptedException {
        String body = JSON.writeValueAsString(Map.of("slots", slots, "seed", options.seed(),
                "replay", options.replay() == null ? "" : options.replay().toAbsolutePath().toString()));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(channelUri("/run"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException("channel-service refused the run: HTTP " + r.statusCode() + " " + r.body());
        }
        return JSON.readValue(r.body(), RunStatus.class);
    }

    /** Stops the run (if the channel-service still answers) and returns its last status. */
    public RunStatus stopRunQuietly() throws IOException, InterruptedException {
        try {
            http.send(HttpRequest.newBuilder(channelUri("/run/stop")).POST(HttpRequest.BodyPublishers.noBody())
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            // already gone: report what status() still gives
        }
        return status();
    }

    public RunStatus status() throws IOException, InterruptedException {
        return getJson(channelUri("/run"), new TypeReference<>() { });
    }

    public List<OutcomeRecord> outcomes() throws IOException, InterruptedException {
        return getJson(channelUri("/run/outcomes"), new TypeReference<>() { });
    }

    /** GET a service's JSON endpoint as a map. */
    public Map<String, Object> get(ServiceProcess service, String path) throws IOException, InterruptedException {
        return getJson(URI.create("http://127.0.0.1:" + service.httpPort() + path), new TypeReference<>() { });
    }

    /** Polls the run until it is DONE or FAILED, reporting each change. */
    public RunStatus awaitRun(Duration timeout, ProgressSink progress) throws IOException, InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        RunStatus s = status();
        while (!s.finished()) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("the run did not finish within " + timeout.toSeconds() + " s: " + s);
            }
            checkAlive();
            progress.status(s);
            TimeUnit.MILLISECONDS.sleep(250);
            s = status();
        }
        progress.status(s);
        return s;
    }

    private void checkAlive() {
        for (ServiceProcess p : List.copyOf(services)) {
            if (!p.alive() && p == channel) {
                throw new IllegalStateException("channel-service died; see " + p.log() + ":\n" + p.tail(30));
            }
        }
    }

    private URI channelUri(String path) {
        return URI.create("http://127.0.0.1:" + channel.httpPort() + path);
    }

    private <T> T getJson(URI uri, TypeReference<T> type) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IOException("GET " + uri + ": HTTP " + r.statusCode() + " " + r.body());
        }
        return JSON.readValue(r.body(), type);
    }

    public TestbedOptions options() {
        return options;
    }

    public String bootstrap() {
        return bootstrap;
    }

    public List<ServiceProcess> services() {
        return List.copyOf(services);
    }

    /** Stops everything this testbed started, in reverse order; idempotent and safe from two threads. */
    @Override
    public synchronized void close() throws InterruptedException {
        if (closed) {
            return;
        }
        List<ServiceProcess> reverse = new ArrayList<>(services);
        Collections.reverse(reverse);
        for (ServiceProcess p : reverse) {
            p.stop(Duration.ofSeconds(15));
        }
        if (startedBroker) {
            new LocalBroker(options.root()).stop();
        }
        closed = true;
    }

    private boolean closed;

    /** Where progress goes. */
    public interface ProgressSink {
        void line(String text);

        void status(RunStatus status);
    }
}
