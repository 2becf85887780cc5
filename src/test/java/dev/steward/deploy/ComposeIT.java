package dev.steward.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * {@code deploy/compose.yaml} as an operator runs it: PostgreSQL and two Steward nodes of one
 * store, from the image {@code mvn -Pimage package} built. Needs a Docker daemon (and PostgreSQL's
 * image from a registry); skipped with a message where there is none.
 */
class ComposeIT {
  private static final Path COMPOSE = Path.of("deploy", "compose.yaml");
  private static final Path IMAGE = Path.of("target", "steward-image.tar");

  @Test
  void compose_startsTwoNodesOfOneStore_onPostgresql() throws Exception {
    Assumptions.assumeTrue(
        run(List.of("docker", "info"), Duration.ofSeconds(20)) == 0,
        "no Docker daemon here: the compose test runs where `docker info` succeeds");
    Assumptions.assumeTrue(
        Files.isRegularFile(IMAGE), "no image at " + IMAGE + ": build it with mvn -Pimage package");
    assertThat(run(List.of("docker", "load", "-i", IMAGE.toString()), Duration.ofMinutes(5)))
        .isZero();
    assertThat(run(List.of("deploy/secrets.sh"), Duration.ofSeconds(20))).isZero();
    List<String> compose = List.of("docker", "compose", "-f", COMPOSE.toString());
    try {
      assertThat(run(with(compose, "up", "-d", "--wait"), Duration.ofMinutes(5))).isZero();
      HttpClient http = HttpClient.newHttpClient();
      for (int port : new int[] {8080, 8081}) {
        HttpResponse<String> ready =
            http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ready")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(ready.statusCode()).as("node on " + port).isEqualTo(200);
      }
    } finally {
      run(with(compose, "down", "--volumes"), Duration.ofMinutes(2));
    }
  }

  private static List<String> with(List<String> base, String... more) {
    List<String> command = new ArrayList<>(base);
    command.addAll(List.of(more));
    return command;
  }

  private static int run(List<String> command, Duration limit) throws InterruptedException {
    try {
      Process process = new ProcessBuilder(command).inheritIO().start();
      if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        return -1;
      }
      return process.exitValue();
    } catch (IOException e) {
      return -1;
    }
  }
}
