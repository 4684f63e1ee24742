package io.thz.testbed;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One Quarkus service running as a child JVM from its packaged fast-jar
 * ({@code <module>/target/quarkus-app/quarkus-run.jar}), its output kept in a log file.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Path SETSID = Path.of("/usr/bin/setsid");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int httpPort;
    private final Path log;
    private final Process process;

    private ServiceProcess(String name, int httpPort, Path log, Process process) {
        this.name = name;
        this.httpPort = httpPort;
        this.log = log;
        this.process = process;
    }

    /**
     * Starts a service.
     *
     * @param root       repository root
     * @param module     the service's module directory name, e.g. {@code ap-agent-service}
     * @param name       a name for logs and messages, e.g. {@code ap-agent-1}
     * @param httpPort   the HTTP port to serve on
     * @param properties system properties passed as {@code -Dkey=value} (Quarkus configuration)
     * @param env        extra environment variables
     * @param heap       maximum heap, e.g. {@code 256m}
     * @param logDir     where {@code <name>.log} is written
     */
    public static ServiceProcess start(Path root, String module, String name, int httpPort,
                                       Map<String, String> properties, Map<String, String> env,
                                       String heap, Path logDir) throws IOException {
        Path jar = root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it first (./thz build)");
        }
        Files.createDirectories(logDir);
        Path log = logDir.resolve(name + ".log");
        List<String> cmd = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            // a session of its own: Ctrl-C in the launcher's terminal reaches the launcher only, which
            // then writes its report and stops the services in order
            cmd.add(SETSID.toString());
        }
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx" + heap);
        cmd.add("-XX:+UseSerialGC");
        String extra = System.getenv("THZ_SERVICE_JAVA_OPTS");
        if (extra != null && !extra.isBlank()) {
            cmd.addAll(List.of(extra.trim().split("\\s+")));
        }
        cmd.add("-Dquarkus.http.port=" + httpPort);
        properties.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.add("-jar");
        cmd.add(jar.toString());
        ProcessBuilder pb = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        pb.environment().putAll(env);
        return new ServiceProcess(name, httpPort, log, pb.start());
    }

    /** Waits until {@code /q/health/ready} answers 200, the process dies, or the timeout passes. */
    public void awaitReady(Duration timeout) throws InterruptedException {
        Instant end = Instant.now().plus(timeout);
        URI ready = URI.create("http://127.0.0.1:" + httpPort + "/q/health/ready");
        while (Instant.now().isBefore(end)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with code " + process.exitValue()
                        + " during start-up; see " + log + ":\n" + tail(30));
            }
            try {
                HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(name + " was not ready within " + timeout.toSeconds() + " s; see " + log + ":\n" + tail(30));
    }

    /** Stops the service: SIGTERM (Quarkus shuts down gracefully), then SIGKILL after {@code grace}. */
    public void stop(Duration grace) throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Kills the service at once (SIGKILL), as a crash would. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    public boolean alive() {
        return process.isAlive();
    }

    public String name() {
        return name;
    }

    public int httpPort() {
        return httpPort;
    }

    public Path log() {
        return log;
    }

    public long pid() {
        return process.pid();
    }

    /** The last lines of the log. */
    public String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop(Duration.ofSeconds(15));
    }
}
