package io.thz.deploy;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates files of this repository from wherever the tests run (module or root directory). */
final class RepoPaths {

    private RepoPaths() {
    }

    /** The repository root: the nearest directory, from the working directory up, holding deploy/k8s. */
    static Path root() {
        Path start = Path.of("").toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("deploy").resolve("k8s"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no directory holding deploy/k8s at or above " + start);
    }

    static Path k8s() {
        return root().resolve("deploy").resolve("k8s");
    }

    static Path overlay(String name) {
        return k8s().resolve("overlays").resolve(name);
    }

    static Path dockerfile(String service, String flavour) {
        return root().resolve(service).resolve("src/main/docker/Dockerfile." + flavour);
    }
}
