package dev.steward.marketing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.steward.app.TestNodes;
import dev.steward.config.StewardConfig;
import dev.steward.mail.MailSettings;
import dev.steward.principal.Principal;
import dev.steward.store.Engine;
import dev.steward.vault.Identity;
import dev.steward.vault.IdentityMatch;
import dev.steward.web.Json;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Marketing mail end to end on a real node, SMTP (GreenMail) and both stores: only allowed
 * recipients are mailed; every mail carries RFC 8058 headers under a DKIM signature that verifies
 * with the public key; the one-click POST stops the next mail and is idempotent; a forged link
 * changes nothing; an unsubscribe outlives the erasure of the person (suppression list); tracking
 * follows the policy's email tracker.
 */
class MarketingMailTest {
  private static final Principal SYSTEM = new Principal.System("test");
  private static final Pattern UNSUBSCRIBE = Pattern.compile("<(http[^>]+/unsubscribe/([^>]+))>");
  private static final HttpClient HTTP =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  record Setup(GreenMail smtp, TestNodes.Running node, KeyPair dkim, String token)
      implements AutoCloseable {
    @Override
    public void close() {
      node.close();
      smtp.stop();
    }
  }

  static Setup start(Engine engine) throws Exception {
    int port = freePort();
    GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    StewardConfig base =
        TestNodes.withPolicy(
            TestNodes.config(engine, TestNodes.http()),
            Path.of("src/test/resources/policy/marketing.yaml"));
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair dkim = generator.generateKeyPair();
    Files.createDirectories(
        base.keysDir(),
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    Files.writeString(
        base.keysDir().resolve("dkim-mkt2026.pem"),
        "-----BEGIN PRIVATE KEY-----\n"
            + Base64.getMimeEncoder().encodeToString(dkim.getPrivate().getEncoded())
            + "\n-----END PRIVATE KEY-----\n");
    TestNodes.Running node =
        TestNodes.start(
            new StewardConfig(
                base.dataDir(),
                base.store(),
                base.keyring(),
                base.http(),
                base.policyFile(),
                base.keysDir(),
                base.keyVariables(),
                base.passwordHashing(),
                base.phoneRegion(),
                MailSettings.plain("127.0.0.1", port, "news@steward.test", "steward.test")));
    return new Setup(smtp, node, dkim, node.adminToken("marketing:send", "suppression:export"));
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void lettersSentAtOnce_eachCarryTheirOwnValidSignature(Engine engine) throws Exception {
    try (Setup s = start(engine)) {
      // The outbox sends from several threads: a signer shared between them once mixed up the
      // body hashes of letters signed at the same moment.
      String[] recipients = new String[40];
      for (int i = 0; i < recipients.length; i++) {
        recipients[i] = "many-" + i + "-" + UUID.randomUUID() + "@example.org";
      }
      send(s, "events", recipients);
      for (String recipient : recipients) {
        String letter = raw(awaitLetter(s, recipient, 1));
        assertThat(DkimVerifier.verifies(letter, s.dkim().getPublic()))
            .as("the signature of the letter to %s", recipient)
            .isTrue();
      }
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void marketingMail_isSignedWithOneClickHeaders_andOneClickStopsTheNext(Engine engine)
      throws Exception {
    try (Setup s = start(engine)) {
      String ada = "ada-" + UUID.randomUUID() + "@example.org";
      String bob = "bob-" + UUID.randomUUID() + "@example.org";
      subscribeToNewsletter(s, ada);

      JsonNode sent = send(s, "events", ada, bob);
      assertThat(sent.get("queued").asInt()).as(sent.toString()).isEqualTo(2);
      assertThat(sent.toString()).doesNotContain("example.org");
      assertThat(sent.get("recipients").get(0).get("tracked").asBoolean())
          .as("ada consented to the newsletter, which covers open data")
          .isTrue();
      assertThat(sent.get("recipients").get(1).get("tracked").asBoolean())
          .as("bob gave no consent: no pixel, no tracked links")
          .isFalse();

      String adaRaw = raw(awaitLetter(s, ada, 1));
      String bobRaw = raw(awaitLetter(s, bob, 1));
      for (String letter : List.of(adaRaw, bobRaw)) {
        assertThat(letter).contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
        assertThat(DkimVerifier.tags(letter).get("h").toLowerCase())
            .contains("list-unsubscribe")
            .contains("list-unsubscribe-post")
            .contains("from");
        assertThat(DkimVerifier.tags(letter).get("d")).isEqualTo("steward.test");
        assertThat(DkimVerifier.tags(letter).get("s")).isEqualTo("mkt2026");
        assertThat(DkimVerifier.verifies(letter, s.dkim().getPublic())).isTrue();
      }
      assertThat(adaRaw).contains("/m/open/").contains("/m/click/");
      assertThat(bobRaw).doesNotContain("/m/open/").doesNotContain("/m/click/");
      String tampered = adaRaw.replace("Subject: Autumn events", "Subject: Autumn eventz");
      assertThat(DkimVerifier.verifies(tampered, s.dkim().getPublic())).isFalse();

      Matcher link = UNSUBSCRIBE.matcher(adaRaw);
      assertThat(link.find()).isTrue();
      String token = link.group(2);
      int before = count(s, "select count(*) from subscription_event");

      String forged = token.substring(0, token.length() - 2) + (token.endsWith("A") ? "BB" : "AA");
      HttpResponse<String> refused = oneClick(s, forged, "List-Unsubscribe=One-Click");
      assertThat(refused.statusCode()).isEqualTo(403);
      assertThat(refused.body()).contains("invalid-unsubscribe-link");
      assertThat(oneClick(s, token, "").statusCode())
          .as("a POST without the RFC 8058 body")
          .isEqualTo(400);
      assertThat(count(s, "select count(*) from subscription_event")).isEqualTo(before);

      HttpResponse<String> clicked = oneClick(s, token, "List-Unsubscribe=One-Click");
      assertThat(clicked.statusCode()).as(clicked.body()).isEqualTo(200);
      assertThat(oneClick(s, token, "List-Unsubscribe=One-Click").statusCode()).isEqualTo(200);
      assertThat(count(s, "select count(*) from subscription_event"))
          .as("idempotent: the second click adds nothing")
          .isEqualTo(before + 1);

      JsonNode next = send(s, "events", ada, bob);
      assertThat(next.get("recipients").get(0).get("outcome").asText()).isEqualTo("suppressed");
      assertThat(next.get("recipients").get(1).get("outcome").asText()).isEqualTo("queued");
      JsonNode otherTopic = send(s, "product-news", ada);
      assertThat(otherTopic.get("recipients").get(0).get("outcome").asText())
          .as("leaving one topic leaves the other")
          .isEqualTo("queued");
      awaitLetter(s, bob, 2);
      awaitLetter(s, ada, 2);
      assertThat(lettersTo(s, ada)).isEqualTo(2);
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void unsubscribedThenErased_isStillNeverMailed_andTheExportListsOnlyTheHash(Engine engine)
      throws Exception {
    try (Setup s = start(engine)) {
      String cy = "cy-" + UUID.randomUUID() + "@example.org";
      UUID subject = subscribeToNewsletter(s, cy);
      send(s, null, cy);
      Matcher link = UNSUBSCRIBE.matcher(raw(awaitLetter(s, cy, 1)));
      assertThat(link.find()).isTrue();
      assertThat(oneClick(s, link.group(2), "List-Unsubscribe=One-Click").statusCode())
          .isEqualTo(200);

      s.node().node().vault().vault().erase(SYSTEM, subject, "test", null, List.of());
      assertThat(s.node().node().vault().vault().findByIdentity(SYSTEM, Identity.email(cy)))
          .isNotInstanceOf(IdentityMatch.Found.class);

      JsonNode after = send(s, "events", cy);
      assertThat(after.get("suppressed").asInt()).isEqualTo(1);
      assertThat(after.get("recipients").get(0).get("reason").asText()).isEqualTo("suppressed");

      HttpResponse<String> export = s.node().get("/api/v1/marketing/suppression", s.token());
      assertThat(export.statusCode()).isEqualTo(200);
      assertThat(export.body()).startsWith("hash,algorithm,purpose,topic,since\n");
      assertThat(export.body().lines().skip(1).toList())
          .singleElement()
          .satisfies(
              row ->
                  assertThat(row)
                      .matches("[0-9a-f]{64,128},hmac-sha256-identity-index,marketing,\\*,.+"));
      assertThat(export.body()).doesNotContain("example.org");
      assertThat(count(s, "select count(*) from audit_entry where action = 'suppression.export'"))
          .isEqualTo(1);
      assertThat(s.node().get("/api/v1/marketing/suppression", null).statusCode()).isEqualTo(401);
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void trackingIsOff_forAPersonWhoObjectedToAPurposeTheTrackerServes(Engine engine)
      throws Exception {
    try (Setup s = start(engine)) {
      String di = "di-" + UUID.randomUUID() + "@example.org";
      UUID subject = subscribeToNewsletter(s, di);
      // An objection under GDPR Art. 21(1) to the analytics purpose the tracker also serves, as a
      // carried-out request leaves it.
      s.node()
          .node()
          .database()
          .jdbi()
          .useHandle(
              h ->
                  h.createUpdate(
                          "insert into subject_objection (id, subject_id, kind, purposes,"
                              + " recorded_at) values (:id, :subject, 'objection', 'analytics',"
                              + " current_timestamp)")
                      .bind("id", UUID.randomUUID())
                      .bind("subject", subject)
                      .execute());
      s.node().node().consent().states().forgetAll();
      JsonNode sent = send(s, "events", di);
      assertThat(sent.get("queued").asInt()).isEqualTo(1);
      assertThat(sent.get("recipients").get(0).get("tracked").asBoolean()).isFalse();
      assertThat(raw(awaitLetter(s, di, 1))).doesNotContain("/m/open/");
    }
  }

  private static JsonNode send(Setup s, String topic, String... recipients) throws IOException {
    String body =
        "{\"system\":\"crm\",\"purpose\":\"marketing\","
            + (topic == null ? "" : "\"topic\":\"" + topic + "\",")
            + "\"subject\":\"Autumn events\",\"text\":\"Join us.\","
            + "\"html\":\"<p>Join <a href=\\\"https://acme.example/events\\\">us</a>.</p>\","
            + "\"recipients\":[\""
            + String.join("\",\"", recipients)
            + "\"]}";
    HttpResponse<String> answer =
        s.node().json("POST", "/api/v1/marketing/messages", s.token(), body);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return Json.mapper().readTree(answer.body());
  }

  private static HttpResponse<String> oneClick(Setup s, String token, String body)
      throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(s.node().uri("/unsubscribe/" + token))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static UUID subscribeToNewsletter(Setup s, String email) {
    HttpResponse<String> answer =
        s.node()
            .json(
                "POST",
                "/api/v1/collect/newsletter-signup",
                null,
                "{\"email\":\"" + email + "\",\"agree\":true}");
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
    return ((IdentityMatch.Found)
            s.node().node().vault().vault().findByIdentity(SYSTEM, Identity.email(email)))
        .subjectId();
  }

  private static int count(Setup s, String sql) {
    return s.node()
        .node()
        .database()
        .jdbi()
        .withHandle(h -> h.createQuery(sql).mapTo(Integer.class).one());
  }

  private static long lettersTo(Setup s, String address) throws Exception {
    long n = 0;
    for (MimeMessage message : s.smtp().getReceivedMessages()) {
      if (address.equals(message.getHeader("To", null))) {
        n++;
      }
    }
    return n;
  }

  /** Waits for the {@code nth} letter to {@code address} and returns it. */
  private static MimeMessage awaitLetter(Setup s, String address, int nth) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      int seen = 0;
      for (MimeMessage message : s.smtp().getReceivedMessages()) {
        if (address.equals(message.getHeader("To", null)) && ++seen == nth) {
          return message;
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError("no letter " + nth + " to " + address);
  }

  private static String raw(MimeMessage message) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    message.writeTo(out);
    return out.toString(StandardCharsets.UTF_8);
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
