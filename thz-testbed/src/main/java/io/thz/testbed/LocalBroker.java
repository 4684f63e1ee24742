package io.thz.testbed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** deploy/local/kafka.sh from Java. */
public final class LocalBroker {

    private final Path script;

    public LocalBroker(Path root) {
        this.script = root.resolve("deploy/local/kafka.sh");
    }

    /** Starts the broker unless it runs; true when this call started it. */
    public boolean start() throws IOException, InterruptedException {
        if (run("status").code == 0) {
            return false;
        }
        Result r = run("start");
        if (r.code != 0) {
            throw new IllegalStateException("the local Kafka broker did not start:\n" + r.output);
        }
        return true;
    }

    public void stop() throws InterruptedException {
        try {
            run("stop");
        } catch (IOException e) {
            throw new IllegalStateException("cannot stop the local broker: " + e.getMessage(), e);
        }
    }

    public String bootstrap() throws IOException, InterruptedException {
        return run("bootstrap").output.trim();
    }

    private record Result(int code, String output) {
    }

    private Result run(String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of("bash", script.toString(), command)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException(script + " " + command + " hung");
        }
        return new Result(p.exitValue(), out);
    }
}
