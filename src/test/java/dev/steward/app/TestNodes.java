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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Starts real nodes on port 0 against a fresh database, and calls them over HTTP. */
public final class TestNodes {
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static final Pattern PASSWORD = Pattern.compile("One-time password[^:]*: (\\S+)");
  private static final String NEW_PASSWORD = "a long new passphrase 42";

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
          dev.steward.access.PasswordHashing.cheapForTests(),
          "GB",
          dev.steward.mail.MailSettings.plain(
              "127.0.0.1", 2525, "privacy@example.test", "example.test"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The same configuration running on another policy file. */
  public static StewardConfig withPolicy(StewardConfig config, Path policyFile) {
    return new StewardConfig(
        config.dataDir(),
        config.store(),
        config.keyring(),
        config.http(),
        Optional.of(policyFile),
        config.keysDir(),
        config.keyVariables(),
        config.passwordHashing(),
        config.phoneRegion(),
        config.mail());
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

    /** GET with a bearer token. */
    public HttpResponse<String> get(String path, String token) {
      return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token));
    }

    /** A JSON call with a bearer token; {@code token} may be null for public routes. */
    public HttpResponse<String> json(String method, String path, String token, String body) {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(uri(path))
              .header("Content-Type", "application/json")
              .method(method, HttpRequest.BodyPublishers.ofString(body));
      if (token != null) {
        request.header("Authorization", "Bearer " + token);
      }
      return send(request);
    }

    /**
     * Takes the first admin through sign-in with the printed one-time password and a password
     * change, and issues a token with {@code scopes}.
     */
    public String adminToken(String... scopes) {
      Matcher printed = PASSWORD.matcher(consoleText());
      if (!printed.find()) {
        throw new IllegalStateException("no one-time password was printed");
      }
      String session = signIn(printed.group(1));
      json(
          "POST",
          "/api/v1/auth/password",
          session,
          "{\"currentPassword\":\""
              + printed.group(1)
              + "\",\"newPassword\":\""
              + NEW_PASSWORD
              + "\"}");
      String admin = signIn(NEW_PASSWORD);
      String quoted = String.join("\",\"", scopes);
      HttpResponse<String> created =
          json(
              "POST",
              "/api/v1/tokens",
              admin,
              "{\"name\":\"test-"
                  + System.nanoTime()
                  + "\",\"scopes\":[\""
                  + quoted
                  + "\"],\"expiresInDays\":1}");
      return field(created, "secret");
    }

    private String signIn(String password) {
      return field(
          json(
              "POST",
              "/api/v1/auth/sign-in",
              null,
              "{\"username\":\"admin\",\"password\":\"" + password + "\"}"),
          "token");
    }

    private static String field(HttpResponse<String> response, String name) {
      try {
        return dev.steward.web.Json.mapper().readTree(response.body()).get(name).asText();
      } catch (IOException | RuntimeException e) {
        throw new IllegalStateException(response.statusCode() + " " + response.body(), e);
      }
    }

    @Override
    public void close() {
      node.close();
    }
  }

  public static Running start(StewardConfig config) {
    return start(config, Clock.systemUTC());
  }

  /** A node whose "now" is {@code clock}, e.g. one the test moves. */
  public static Running start(StewardConfig config, Clock clock) {
    ByteArrayOutputStream console = new ByteArrayOutputStream();
    StewardNode node =
        StewardNode.start(
            config,
            StewardNode.Options.defaults(),
            clock,
            new PrintStream(console, true, StandardCharsets.UTF_8));
    return new Running(node, console);
  }
}
