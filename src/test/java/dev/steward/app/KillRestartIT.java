package dev.steward.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import dev.steward.principal.Permission;
import dev.steward.store.Database;
import dev.steward.store.Engine;
import dev.steward.store.StoreSettings;
import dev.steward.store.TestDatabases;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A node killed with SIGKILL while requests are being fulfilled loses nothing. The node runs as an
 * operating-system process of its own ({@code steward serve}), configured as an operator would, and
 * is killed twice: first while the fulfilment tasks and letters of three started requests sit
 * scheduled (the scheduler polls only hourly in that run, so none has started), then while one
 * letter's acceptance by the SMTP server is withheld and the content purge's webhook call hangs.
 * After the last restart each request completes, each task ran to done once, every letter arrived,
 * and the one letter whose acceptance the kill cut off arrived twice with one Message-ID.
 */
class KillRestartIT {
  private static final String[] SCOPES =
      Arrays.stream(Permission.values()).map(Permission::scope).toArray(String[]::new);

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void killedDuringFulfilmentAndMailSending_restartedNodeCompletesEveryRequestAndLetter(
      Engine engine) throws Exception {
    Path dataDir = Files.createTempDirectory("steward-kill-");
    GreenMail smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", "smtp"));
    smtp.start();
    try (SmtpRelay relay = new SmtpRelay(smtp.getSmtp().getPort());
        PurgeWebhook webhook = new PurgeWebhook()) {
      Map<String, String> env = new HashMap<>();
      env.put("STEWARD_SMTP_HOST", "127.0.0.1");
      env.put("STEWARD_SMTP_PORT", Integer.toString(relay.port()));
      env.put("STEWARD_MAIL_FROM", "privacy@steward.test");
      env.put("STEWARD_PHONE_REGION", "GB");
      env.put("STEWARD_PURGE_WEBHOOK_URL", webhook.url());
      env.put("STEWARD_PURGE_WEBHOOK_SECRET", "kill-test-shared-secret-0123456789");
      // Work a killed node held is taken over after 6 missed beats: 3 s here.
      env.put("STEWARD_SCHEDULER_HEARTBEAT_MILLIS", "500");
      String storeUrl = StoreSettings.h2FileUrl(dataDir.resolve("steward"));
      if (engine == Engine.POSTGRESQL) {
        storeUrl = TestDatabases.freshUrl(engine);
        env.put("STEWARD_DB_URL", storeUrl);
        env.put("STEWARD_KEYRING_URL", TestDatabases.freshUrl(engine));
      }

      // First run: both of the node's job threads get stuck, one on a letter the SMTP server
      // has but whose acceptance is withheld, one on the purge webhook's hanging call; what is
      // started after that stays scheduled.
      env.put("STEWARD_SCHEDULER_POLL_MILLIS", "200");
      relay.holdNextAcceptance();
      Map<String, UUID> requests = new TreeMap<>();
      String admin;
      Set<String> beforeKill;
      try (NodeProcess node = NodeProcess.start(dataDir, env, "1")) {
        admin = adminToken(node);
        String customer = customerToken(node, admin);
        UUID removal = contentRemoval(node, admin, customer, "noc@media.example");
        requests.put("noc@media.example", removal);
        start(node, admin, removal);
        assertThat(relay.awaitHeld(60)).as("a letter's acceptance is withheld").isTrue();
        assertThat(webhook.awaitFirstCall(60)).as("the purge webhook is called").isTrue();
        eventually("the withheld letter reaches the server", () -> messageIds(smtp).size() >= 1);
        for (String type : List.of("erasure", "access")) {
          String email = type + "@example.co.uk";
          node.expect(201, "POST", "/api/v1/subjects", admin, subject(email));
          UUID id = logByStaff(node, admin, type, email);
          node.expect(200, "POST", "/api/v1/requests/" + id + "/verify", admin, VERIFIED);
          start(node, admin, id);
          assertThat(tasks(node, admin, id))
              .as("tasks of the %s", type)
              .containsExactly("pending/0");
          requests.put(email, id);
        }
        assertThat(tasks(node, admin, removal))
            .as("the purge, mid-call")
            .containsExactly("pending/0");
        beforeKill = messageIds(smtp).keySet();
        assertThat(Arrays.stream(smtp.getReceivedMessages()).map(m -> header(m, "To")))
            .as("letters that reached the server before the kill")
            .containsOnly("noc@media.example");
        node.kill();
      }
      webhook.answerFromNowOn();

      // The restarted node takes over what the killed one held, and runs what it never started.
      try (NodeProcess node = NodeProcess.start(dataDir, env, "2")) {
        for (Map.Entry<String, UUID> request : requests.entrySet()) {
          eventually(
              request.getKey() + "'s request completes",
              () -> state(node, admin, request.getValue()).equals("completed"));
          eventually(
              "the completion letter to " + request.getKey(),
              () -> completionLetters(smtp, request.getKey()) == 1);
        }
        eventually(
            "the withheld letter is sent again",
            () -> messageIds(smtp).values().stream().anyMatch(copies -> copies > 1));
        // The server has the letter a moment before the node records that it was accepted: stop
        // only once the node has recorded every letter, so the check below reads its own record.
        try (Database store = Database.open(StoreSettings.of(storeUrl))) {
          eventually(
              "every letter is recorded as sent",
              () ->
                  store
                          .jdbi()
                          .withHandle(
                              h ->
                                  h.createQuery(
                                          "select count(*) from mail_outbox where status <> 'sent'")
                                      .mapTo(Long.class)
                                      .one())
                      == 0);
        }
        node.stop();
      }

      Map<String, Long> received = messageIds(smtp);
      try (Database store = Database.open(StoreSettings.of(storeUrl))) {
        store
            .jdbi()
            .useHandle(
                handle -> {
                  Map<String, String> outbox =
                      handle
                          .createQuery("select message_id, status from mail_outbox")
                          .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getString(2)))
                          .stream()
                          .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
                  assertThat(outbox)
                      .as("every letter is marked sent")
                      .containsOnlyKeys(received.keySet());
                  assertThat(outbox.values()).containsOnly("sent");
                  Map<String, Long> duplicates =
                      received.entrySet().stream()
                          .filter(copies -> copies.getValue() > 1)
                          .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
                  assertThat(duplicates).as("letters received twice").hasSize(1);
                  assertThat(duplicates.values()).containsOnly(2L);
                  assertThat(beforeKill)
                      .as("only a letter the server had before the kill arrives twice")
                      .containsAll(duplicates.keySet());
                  for (UUID id : requests.values()) {
                    assertThat(stateIn(handle, id)).isEqualTo("completed");
                    assertThat(
                            handle
                                .createQuery(
                                    "select status || '/' || attempts || '/'"
                                        + " || case when evidence is null then 'none' else 'kept' end"
                                        + " from fulfilment_task where request_id = :id")
                                .bind("id", id)
                                .mapTo(String.class)
                                .list())
                        .as("tasks of %s", id)
                        .containsExactly("done/1/kept");
                    assertThat(count(handle, "fulfilment_plan where finished_at is not null", id))
                        .isEqualTo(1);
                  }
                  assertThat(count(handle, "content_purge", requests.get("noc@media.example")))
                      .as("purges recorded: the call the kill cut off left none")
                      .isEqualTo(1);
                });
      }
      assertThat(webhook.calls())
          .as("purge calls: one cut off by the kill, one answered")
          .isEqualTo(2);
    } finally {
      smtp.stop();
    }
  }

  private static final String VERIFIED = "{\"method\":\"passport seen\"}";

  private static void start(NodeProcess node, String admin, UUID id) {
    JsonNode started = node.expect(200, "POST", "/api/v1/requests/" + id + "/start", admin, null);
    assertThat(started.get("state").asText()).isEqualTo("awaiting_systems");
  }

  /** The first admin: the printed password, changed, then a token with every scope. */
  private static String adminToken(NodeProcess node) {
    String printed = node.firstAdminPassword();
    String session = signIn(node, printed);
    String changed = "a long new passphrase 42";
    node.expect(
        204,
        "POST",
        "/api/v1/auth/password",
        session,
        "{\"currentPassword\":\"" + printed + "\",\"newPassword\":\"" + changed + "\"}");
    String admin = signIn(node, changed);
    return node.expect(
            201,
            "POST",
            "/api/v1/tokens",
            admin,
            "{\"name\":\"kill-test\",\"scopes\":[\""
                + String.join("\",\"", SCOPES)
                + "\"],\"expiresInDays\":1}")
        .get("secret")
        .asText();
  }

  private static String signIn(NodeProcess node, String password) {
    return node.expect(
            200,
            "POST",
            "/api/v1/auth/sign-in",
            null,
            "{\"username\":\"admin\",\"password\":\"" + password + "\"}")
        .get("token")
        .asText();
  }

  /** A business customer's account and its token for content removals. */
  private static String customerToken(NodeProcess node, String admin) {
    String account =
        node.expect(
                201,
                "POST",
                "/api/v1/clients",
                admin,
                "{\"name\":\"Example Media\",\"kind\":\"business-customer\"}")
            .get("id")
            .asText();
    return node.expect(
            201,
            "POST",
            "/api/v1/tokens",
            admin,
            "{\"name\":\"media\",\"scopes\":[\""
                + Permission.CONTENT_REMOVAL_SUBMIT.scope()
                + "\",\""
                + Permission.REQUEST_READ.scope()
                + "\"],"
                + "\"expiresInDays\":1,\"clientId\":\""
                + account
                + "\"}")
        .get("secret")
        .asText();
  }

  private static String subject(String email) {
    return "{\"subjectType\":\"customer-contacts\",\"identities\":[{\"type\":\"email\","
        + "\"value\":\""
        + email
        + "\"}],\"relationshipStart\":\"2024-05-01\"}";
  }

  private static UUID logByStaff(NodeProcess node, String admin, String type, String email) {
    String reference =
        node.expect(
                202,
                "POST",
                "/api/v1/requests",
                admin,
                "{\"type\":\"%s\",\"residence\":\"GB\",\"identity\":{\"email\":\"%s\"},\"channel\":\"email\",\"receivedAt\":\"%s\"}"
                    .formatted(type, email, Instant.now()))
            .get("reference")
            .asText();
    return idOf(node, admin, reference);
  }

  private static UUID contentRemoval(
      NodeProcess node, String admin, String customer, String email) {
    String reference =
        node.expect(
                202,
                "POST",
                "/api/v1/content-removals",
                customer,
                "{\"email\":\"" + email + "\",\"details\":\"remove the launch video\"}")
            .get("reference")
            .asText();
    UUID id = idOf(node, admin, reference);
    node.expect(
        204,
        "POST",
        "/api/v1/requests/" + id + "/instructions",
        admin,
        "{\"contentUrls\":[\"https://cdn.media.example/video/launch.mp4\"]}");
    return id;
  }

  private static UUID idOf(NodeProcess node, String admin, String reference) {
    for (JsonNode request :
        node.expect(200, "GET", "/api/v1/requests", admin, null).get("requests")) {
      if (request.get("reference").asText().equals(reference)) {
        return UUID.fromString(request.get("id").asText());
      }
    }
    throw new AssertionError("no open request " + reference);
  }

  /** Each task as status/attempts. */
  private static List<String> tasks(NodeProcess node, String admin, UUID id) {
    JsonNode tasks = node.expect(200, "GET", "/api/v1/requests/" + id + "/tasks", admin, null);
    List<String> found = new java.util.ArrayList<>();
    tasks
        .get("tasks")
        .forEach(t -> found.add(t.get("status").asText() + "/" + t.get("attempts").asInt()));
    return found;
  }

  private static String state(NodeProcess node, String admin, UUID id) {
    return node.expect(200, "GET", "/api/v1/requests/" + id, admin, null)
        .at("/summary/state")
        .asText();
  }

  private static String stateIn(Handle handle, UUID id) {
    return handle
        .createQuery("select state from rights_request where id = :id")
        .bind("id", id)
        .mapTo(String.class)
        .one();
  }

  private static int count(Handle handle, String from, UUID requestId) {
    String where = from.contains(" where ") ? " and " : " where ";
    return handle
        .createQuery("select count(*) from " + from + where + "request_id = :id")
        .bind("id", requestId)
        .mapTo(Integer.class)
        .one();
  }

  /** Received letters by Message-ID, with how many copies of each arrived. */
  private static Map<String, Long> messageIds(GreenMail smtp) {
    return Arrays.stream(smtp.getReceivedMessages())
        .collect(
            Collectors.groupingBy(KillRestartIT::messageId, TreeMap::new, Collectors.counting()));
  }

  private static long completionLetters(GreenMail smtp, String to) {
    return Arrays.stream(smtp.getReceivedMessages())
        .filter(message -> header(message, "To").equals(to))
        .filter(message -> header(message, "Subject").contains("is complete"))
        .map(KillRestartIT::messageId)
        .distinct()
        .count();
  }

  private static String messageId(MimeMessage message) {
    return header(message, "Message-ID");
  }

  private static String header(MimeMessage message, String name) {
    try {
      String value = message.getHeader(name, null);
      return value == null ? "" : value;
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void eventually(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting until " + what);
      }
      NodeProcess.pause(100);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The delivery network's purge webhook: the first call hangs until the test lets it go, so the
   * purge task is mid-call when the node dies; later calls are answered at once.
   */
  private static final class PurgeWebhook implements AutoCloseable {
    private final HttpServer server;
    private final AtomicInteger calls = new AtomicInteger();
    private final CountDownLatch firstCall = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    PurgeWebhook() throws IOException {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.setExecutor(Executors.newCachedThreadPool());
      server.createContext(
          "/purge",
          exchange -> {
            exchange.getRequestBody().readAllBytes();
            if (calls.incrementAndGet() == 1) {
              firstCall.countDown();
              try {
                release.await(2, TimeUnit.MINUTES);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            }
            byte[] answer = "{\"accepted\":true}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            try {
              exchange.sendResponseHeaders(200, answer.length);
              exchange.getResponseBody().write(answer);
            } catch (IOException callerGone) {
              // The node that made the call was killed.
            }
            exchange.close();
          });
      server.start();
    }

    String url() {
      return "http://127.0.0.1:" + server.getAddress().getPort() + "/purge";
    }

    boolean awaitFirstCall(long seconds) throws InterruptedException {
      return firstCall.await(seconds, TimeUnit.SECONDS);
    }

    void answerFromNowOn() {
      release.countDown();
    }

    int calls() {
      return calls.get();
    }

    @Override
    public void close() {
      release.countDown();
      server.stop(0);
    }
  }
}
