package com.newsroom.testsupport;

import java.io.File;
import java.util.Locale;

import org.springframework.core.env.Environment;
import org.testcontainers.DockerClientFactory;

/**
 * Where tests and local development get PostgreSQL from: a Testcontainers container when a Docker engine
 * answers, otherwise the PostgreSQL server on this machine. {@code newsroom.test.database} (or the
 * environment variable {@code NEWSROOM_TEST_DATABASE}) set to {@code testcontainers} or {@code local}
 * forces either.
 */
public enum DatabaseMode {

    TESTCONTAINERS, LOCAL;

    public static final String PROPERTY = "newsroom.test.database";

    private static volatile DatabaseMode detected;

    public static DatabaseMode resolve(Environment environment) {
        String forced = environment.getProperty(PROPERTY, "auto").trim().toLowerCase(Locale.ROOT);
        return switch (forced) {
            case "testcontainers", "docker" -> TESTCONTAINERS;
            case "local" -> LOCAL;
            case "auto", "" -> detect();
            default -> throw new IllegalStateException(PROPERTY + " must be auto, testcontainers or local, not '"
                    + forced + "'");
        };
    }

    private static DatabaseMode detect() {
        if (detected == null) {
            synchronized (DatabaseMode.class) {
                if (detected == null) {
                    detected = dockerMightAnswer() && DockerClientFactory.instance().isDockerAvailable()
                            ? TESTCONTAINERS : LOCAL;
                }
            }
        }
        return detected;
    }

    /**
     * Skips the Testcontainers probe (and the loud error it logs) where no engine can possibly answer:
     * no DOCKER_HOST and no local socket.
     */
    private static boolean dockerMightAnswer() {
        return System.getenv("DOCKER_HOST") != null || new File("/var/run/docker.sock").exists()
                || new File(System.getProperty("user.home"), ".docker/run/docker.sock").exists()
                || new File(System.getProperty("user.home"), ".testcontainers.properties").exists();
    }
}
