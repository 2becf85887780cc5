package dev.steward.app;

import dev.steward.config.StewardConfig;
import dev.steward.store.Engine;
import dev.steward.store.StoreSettings;
import dev.steward.store.TestDatabases;
import dev.steward.web.HttpSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Starts real nodes on port 0 against a fresh database, and calls them over HTTP. */
public final class TestNodes {
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  private TestNodes() {}

  public static StewardConfig config(Engine engine, HttpSettings http) {
    try {
      Path dataDir = Files.createTempDirectory("steward-node-");
      return new StewardConfig(
          dataDir,
          StoreSettings.of(TestDatabases.freshUrl(engine)),
          StoreSettings.of(TestDatabases.freshUrl(engine)),
          http,
          Optional.empty(),
          dataDir.resolve("keys"),
          java.util.Map.of(),
          StewardConfig.PasswordHashing.cheapForTests(),
          "GB",
          dev.steward.mail.MailSettings.plain(
              "127.0.0.1", 2525, "privacy@example.test", "example.test"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static HttpSettings http() {
    return new HttpSettings("127.0.0.1", 0, 16_384, 600, 600, List.of());
  }

  /** A started node and what it printed to its console. */
  public record Running(StewardNode node, ByteArrayOutputStream console) implements AutoCloseable {
    public String consoleText() {
      return console.toString(StandardCharsets.UTF_8);
    }

    public URI uri(String path) {
      return URI.create("http://127.0.0.1:" + node.port() + path);
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
      try {
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    public HttpResponse<String> get(String path) {
      return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    @Override
    public void close() {
      node.close();
    }
  }

  public static Running start(StewardConfig config) {
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    StewardNode node =
        StewardNode.start(
            config,
            StewardNode.Options.defaults(),
            Clock.systemUTC(),
            new PrintStream(console, true, StandardCharsets.UTF_8));
    return new Running(node, console);
  }
}
