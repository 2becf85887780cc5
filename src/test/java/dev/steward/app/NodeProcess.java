package dev.steward.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.web.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code steward serve} as an operating-system process of its own, started from the test classpath
 * on a free port, so a test can kill it as the kernel would (SIGKILL: no shutdown hook, no flush)
 * and start it again on the same data directory. Its console and logs go to a file in the data
 * directory, kept for diagnosis.
 */
final class NodeProcess implements AutoCloseable {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Pattern SERVING = Pattern.compile("serving on http://localhost:(\\d+)/");
  private static final Pattern PASSWORD = Pattern.compile("One-time password[^:]*: (\\S+)");

  private final Process process;
  private final Path console;
  private final int port;

  private NodeProcess(Process process, Path console, int port) {
    this.process = process;
    this.console = console;
    this.port = port;
  }

  /** Starts a node on {@code dataDir} with {@code env} added to this JVM's environment. */
  static NodeProcess start(Path dataDir, Map<String, String> env, String run) {
    Path console = dataDir.resolve("console-" + run + ".log");
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // A small heap and the quick compiler: the node serves a handful of calls.
    command.addAll(List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
    command.addAll(List.of("-cp", System.getProperty("java.class.path")));
    command.addAll(
        List.of("dev.steward.Main", "serve", "--data-dir", dataDir.toString(), "--port", "0"));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(console.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(nullFile()));
    builder.environment().putAll(env);
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < deadline) {
      Matcher serving = SERVING.matcher(read(console));
      if (serving.find()) {
        return new NodeProcess(process, console, Integer.parseInt(serving.group(1)));
      }
      if (!process.isAlive()) {
        throw new AssertionError("the node exited at start-up:\n" + read(console));
      }
      pause(50);
    }
    process.destroyForcibly();
    throw new AssertionError("the node did not start within 60 s:\n" + read(console));
  }

  /** What the node printed so far. */
  String console() {
    return read(console);
  }

  /** The first admin's one-time password, printed at the first start only. */
  String firstAdminPassword() {
    Matcher printed = PASSWORD.matcher(console());
    if (!printed.find()) {
      throw new AssertionError("no one-time password was printed:\n" + console());
    }
    return printed.group(1);
  }

  /** SIGKILL: the process ends at once, whatever it was doing. */
  void kill() {
    process.destroyForcibly();
    awaitExit();
  }

  /** SIGTERM: the node's shutdown hook stops it in order. */
  void stop() {
    process.destroy();
    awaitExit();
  }

  private void awaitExit() {
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  HttpResponse<String> call(String method, String path, String token, String body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** A call that must answer {@code status}; returns the JSON body (null when empty). */
  JsonNode expect(int status, String method, String path, String token, String body) {
    HttpResponse<String> response = call(method, path, token, body);
    if (response.statusCode() != status) {
      throw new AssertionError(
          method + " " + path + " answered " + response.statusCode() + ": " + response.body());
    }
    try {
      return response.body().isEmpty() ? null : Json.mapper().readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      kill();
    }
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static java.io.File nullFile() {
    return new java.io.File(
        System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
  }

  static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}
