package dev.steward.collection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.app.TestNodes;
import dev.steward.principal.Principal;
import dev.steward.store.Engine;
import dev.steward.vault.Identity;
import dev.steward.vault.IdentityMatch;
import dev.steward.vault.LogCapture;
import dev.steward.vault.RecordValue;
import dev.steward.web.HttpSettings;
import dev.steward.web.Json;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The collection API on a real node: forms of the policy, consent, idempotency, CORS, Art. 14. */
class CollectApiTest {
  private static final String ORIGIN = "https://www.acme.example";
  private static final Principal SYSTEM = new Principal.System("test");

  private static TestNodes.Running start(Engine engine) {
    HttpSettings http = new HttpSettings("127.0.0.1", 0, 16_384, 600, 600, List.of(ORIGIN));
    return TestNodes.start(
        TestNodes.withPolicy(
            TestNodes.config(engine, http), Path.of("src/test/resources/policy/collection.yaml")));
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void collect_consentForm_storesRecordsAndAConsentRecordAndAnswersOnlyAReceipt(Engine engine)
      throws IOException {
    try (TestNodes.Running node = start(engine)) {
      HttpResponse<String> answer =
          node.json(
              "POST",
              "/api/v1/collect/newsletter-signup",
              null,
              "{\"email\":\"Zoe.Reader@Example.org\",\"agree\":true}");

      assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
      assertThat(answer.body()).doesNotContainIgnoringCase("zoe.reader");
      assertThat(tree(answer).get("status").asText()).isEqualTo("received");
      UUID subject = subject(node, "zoe.reader@example.org");
      List<RecordValue> records =
          node.node().vault().vault().readRecords(SYSTEM, subject, "newsletter");
      assertThat(records)
          .singleElement()
          .satisfies(
              record -> {
                assertThat(record.value()).isEqualTo("Zoe.Reader@Example.org");
                assertThat(record.category()).isEqualTo("contact.email");
                assertThat(record.provenance().purposes()).containsExactly("newsletter");
                assertThat(record.provenance().legalBasis()).isEqualTo("dpv:Consent");
                assertThat(record.provenance().source()).isEqualTo("the-person");
                assertThat(record.provenance().noticeVersion()).isEqualTo("1.1");
              });
      ConsentRecord consent =
          new ConsentRecords(node.node().database().jdbi(), node.node().audit())
              .ofSubject(SYSTEM, subject)
              .get(0);
      assertThat(consent.controller()).isEqualTo("acme");
      assertThat(consent.method()).isEqualTo("web-form");
      assertThat(consent.purposes()).containsExactly("newsletter");
      assertThat(consent.categories()).containsExactly("contact.email");
      assertThat(consent.noticeHash()).isEqualTo(node.node().policies().current().contentHash());
      assertThat(consent.withdrawal()).containsExactly("unsubscribe_link", "email");
      assertThat(consent.formId()).isEqualTo("newsletter-signup");
      assertThat(consent.evidenceHash()).matches("[0-9a-f]{64,}");
    }
  }

  @Test
  void collect_undeclaredFieldOrConsentNotGiven_is422NamingTheFieldAndStoresNothing()
      throws IOException {
    try (TestNodes.Running node = start(Engine.H2);
        LogCapture logs = new LogCapture()) {
      HttpResponse<String> undeclared =
          node.json(
              "POST",
              "/api/v1/collect/contact-us",
              null,
              "{\"email\":\"max@example.org\",\"phone_number\":\"+44 20 7946 0999\"}");
      HttpResponse<String> noConsent =
          node.json(
              "POST", "/api/v1/collect/newsletter-signup", null, "{\"email\":\"max@example.org\"}");

      assertThat(undeclared.statusCode()).isEqualTo(422);
      assertThat(tree(undeclared).get("errors").get(0).get("field").asText())
          .isEqualTo("phone_number");
      assertThat(noConsent.statusCode()).isEqualTo(422);
      assertThat(tree(noConsent).get("errors").findValuesAsText("field")).contains("agree");
      assertThat(undeclared.body() + noConsent.body())
          .doesNotContain("max@")
          .doesNotContain("7946 0999", "2079460999");
      assertThat(
              node.node().vault().vault().findByIdentity(SYSTEM, Identity.email("max@example.org")))
          .isInstanceOf(IdentityMatch.None.class);
      assertThat(node.json("POST", "/api/v1/collect/no-such-form", null, "{}").statusCode())
          .isEqualTo(404);
      assertThat(logs.text())
          .doesNotContain("max@example.org")
          .doesNotContain("7946 0999", "2079460999");
    }
  }

  @Test
  void collect_keyGivenTwiceOrHostileJson_isRefusedNamingTheKeyAndStoresNothing()
      throws IOException {
    try (TestNodes.Running node = start(Engine.H2)) {
      HttpResponse<String> twice =
          collect(
              node,
              "contact-us",
              null,
              "{\"email\":\"eve@example.org\",\"email\":\"ann@example.org\","
                  + "\"name\":\"Ann\",\"message\":\"Hi\"}");
      HttpResponse<String> hugeNumber =
          collect(node, "contact-us", null, "{\"name\":" + "7".repeat(1_001) + "}");
      HttpResponse<String> deep =
          collect(
              node, "contact-us", null, "{\"name\":" + "[".repeat(2_000) + "]".repeat(2_000) + "}");

      assertThat(twice.statusCode()).as(twice.body()).isEqualTo(422);
      assertThat(tree(twice).get("errors").get(0).get("field").asText()).isEqualTo("email");
      assertThat(twice.body()).doesNotContain("example.org");
      assertThat(hugeNumber.statusCode()).isEqualTo(400);
      assertThat(deep.statusCode()).isEqualTo(400);
      for (String email : List.of("eve@example.org", "ann@example.org")) {
        assertThat(node.node().vault().vault().findByIdentity(SYSTEM, Identity.email(email)))
            .isInstanceOf(IdentityMatch.None.class);
      }
    }
  }

  @Test
  void collect_retryWithSameKey_getsTheSameAnswerAndStoresNothingTwice() throws IOException {
    try (TestNodes.Running node = start(Engine.H2)) {
      String body = "{\"email\":\"ida@example.org\",\"name\":\"Ida Lind\",\"message\":\"Hello\"}";

      HttpResponse<String> first = collect(node, "contact-us", "key-123", body);
      HttpResponse<String> retry = collect(node, "contact-us", "key-123", body);
      HttpResponse<String> reused =
          collect(node, "contact-us", "key-123", body.replace("Hello", "Hi"));

      assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
      assertThat(retry.statusCode()).isEqualTo(201);
      assertThat(retry.body()).isEqualTo(first.body());
      assertThat(reused.statusCode()).isEqualTo(409);
      UUID subject = subject(node, "ida@example.org");
      assertThat(node.node().vault().vault().readRecords(SYSTEM, subject, "service"))
          .extracting(RecordValue::value)
          .containsExactlyInAnyOrder("ida@example.org", "Ida Lind", "Hello");
      assertThat(
              collect(node, "refer-a-friend", "key-123", "{\"email\":\"ida@example.org\"}")
                  .statusCode())
          .as("keys are scoped per form")
          .isEqualTo(201);
    }
  }

  @Test
  void collect_urlencodedFromAllowedOrigin_passesPreflightAndCarriesCorsHeaders()
      throws IOException {
    try (TestNodes.Running node = start(Engine.H2)) {
      HttpResponse<String> preflight =
          node.send(
              HttpRequest.newBuilder(node.uri("/api/v1/collect/contact-us"))
                  .header("Origin", ORIGIN)
                  .header("Access-Control-Request-Method", "POST")
                  .header("Access-Control-Request-Headers", "content-type,idempotency-key")
                  .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
      HttpResponse<String> posted =
          node.send(
              HttpRequest.newBuilder(node.uri("/api/v1/collect/contact-us"))
                  .header("Origin", ORIGIN)
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "email=ola%40example.org&name=Ola+Nordmann&message=Call+me")));
      HttpResponse<String> foreign =
          node.send(
              HttpRequest.newBuilder(node.uri("/api/v1/collect/contact-us"))
                  .header("Origin", "https://evil.example")
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString("email=eve%40example.org")));

      assertThat(preflight.statusCode()).isBetween(200, 204);
      assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).contains(ORIGIN);
      assertThat(preflight.headers().firstValue("Access-Control-Allow-Headers").orElse(""))
          .containsIgnoringCase("idempotency-key");
      assertThat(posted.statusCode()).as(posted.body()).isEqualTo(201);
      assertThat(posted.headers().firstValue("Access-Control-Allow-Origin")).contains(ORIGIN);
      assertThat(foreign.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
      UUID subject = subject(node, "ola@example.org");
      assertThat(node.node().vault().vault().readRecords(SYSTEM, subject, "service"))
          .extracting(RecordValue::value)
          .containsExactlyInAnyOrder("ola@example.org", "Ola Nordmann", "Call me");
    }
  }

  @Test
  void collect_fromAnOriginNotAllowed_isA403ProblemAndStoresNothing() throws IOException {
    try (TestNodes.Running node = start(Engine.H2)) {
      List<String> foreign =
          List.of(
              "https://evil.example",
              "null",
              "http://www.acme.example",
              "https://www.acme.example:8443",
              "https://www.acme.example.evil.example",
              "https://www.acme.example/contact");
      for (String origin : foreign) {
        HttpResponse<String> json =
            node.send(
                HttpRequest.newBuilder(node.uri("/api/v1/collect/contact-us"))
                    .header("Origin", origin)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"eve@example.org\"}")));
        HttpResponse<String> form =
            node.send(
                HttpRequest.newBuilder(node.uri("/api/v1/collect/refer-a-friend"))
                    .header("Origin", origin)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("email=eve%40example.org")));

        for (HttpResponse<String> refused : List.of(json, form)) {
          assertThat(refused.statusCode()).as(origin).isEqualTo(403);
          assertThat(refused.headers().firstValue("Content-Type").orElse(""))
              .startsWith("application/problem+json");
          assertThat(tree(refused).get("type").asText()).isEqualTo("urn:steward:problem:forbidden");
        }
      }

      assertThat(
              node.node().vault().vault().findByIdentity(SYSTEM, Identity.email("eve@example.org")))
          .isInstanceOf(IdentityMatch.None.class);
    }
  }

  @Test
  void collect_withoutOriginFromAServerOrFromAnAllowedOrigin_isTaken() throws IOException {
    try (TestNodes.Running node = start(Engine.H2)) {
      HttpResponse<String> server =
          collect(node, "refer-a-friend", null, "{\"email\":\"server@example.org\"}");
      HttpResponse<String> browser =
          node.send(
              HttpRequest.newBuilder(node.uri("/api/v1/collect/refer-a-friend"))
                  .header("Origin", ORIGIN)
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"page@example.org\"}")));

      assertThat(server.statusCode()).as(server.body()).isEqualTo(201);
      assertThat(browser.statusCode()).as(browser.body()).isEqualTo(201);
      subject(node, "server@example.org");
      subject(node, "page@example.org");
    }
  }

  @Test
  void collect_fromAnIndirectSourceForm_startsTheArt14Clock() throws IOException {
    try (TestNodes.Running node = start(Engine.H2)) {
      collect(node, "refer-a-friend", null, "{\"email\":\"friend@example.org\"}");

      UUID subject = subject(node, "friend@example.org");
      assertThat(
              node.node()
                  .vault()
                  .vault()
                  .art14Notices()
                  .dueWithin(SYSTEM, java.time.Duration.ofDays(40), 10))
          .singleElement()
          .satisfies(
              notice -> {
                assertThat(notice.subjectId()).isEqualTo(subject);
                assertThat(notice.source()).isEqualTo("referrals");
              });
    }
  }

  private static HttpResponse<String> collect(
      TestNodes.Running node, String form, String key, String json) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(node.uri("/api/v1/collect/" + form))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    if (key != null) {
      request.header("Idempotency-Key", key);
    }
    return node.send(request);
  }

  private static UUID subject(TestNodes.Running node, String email) {
    IdentityMatch match = node.node().vault().vault().findByIdentity(SYSTEM, Identity.email(email));
    assertThat(match).isInstanceOf(IdentityMatch.Found.class);
    return ((IdentityMatch.Found) match).subjectId();
  }

  private static JsonNode tree(HttpResponse<String> response) throws IOException {
    return Json.mapper().readTree(response.body());
  }
}
