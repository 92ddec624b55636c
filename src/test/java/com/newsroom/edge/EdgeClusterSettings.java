package com.newsroom.edge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

/**
 * Where the two-instance cluster runs and how to reach it: the {@code NEWSROOM_EDGE_*} settings that
 * {@code .ci/edge-cluster start} writes to {@code target/edge-cluster/cluster.env} before {@code ./mvnw verify} runs
 * its integration tests. An environment variable of the same name wins (bench/edge.sh sets them for its soak).
 */
final class EdgeClusterSettings {

    /** The file's location; the build passes it, a run from the IDE finds it in the project's target folder. */
    static final Path FILE = Path.of(System.getProperty("newsroom.edge.settings", "target/edge-cluster/cluster.env"));

    private static final Properties FROM_FILE = load();

    private EdgeClusterSettings() {
    }

    static Optional<String> optional(String name) {
        return Optional.ofNullable(System.getenv(name)).or(() -> Optional.ofNullable(FROM_FILE.getProperty(name)));
    }

    /** Fails, rather than skipping the checks, when the cluster was not started: a skipped check proves nothing. */
    static String required(String name) {
        return optional(name).orElseThrow(() -> new IllegalStateException(name + " is not set and " + FILE
                + " does not name it: start the cluster with `bash .ci/edge-cluster start` (./mvnw verify does)"));
    }

    private static Properties load() {
        Properties settings = new Properties();
        if (Files.isRegularFile(FILE)) {
            try (var reader = Files.newBufferedReader(FILE)) {
                settings.load(reader);
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
        return settings;
    }
}
