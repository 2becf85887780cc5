package dev.steward.consent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.steward.app.TestNodes;
import dev.steward.principal.Principal;
import dev.steward.store.Database;
import dev.steward.store.Engine;
import dev.steward.store.StoreSettings;
import dev.steward.store.TestDatabases;
import dev.steward.vault.Identity;
import dev.steward.vault.IdentityMatch;
import dev.steward.web.Json;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The consent ledger on a real node: events from forms, withdrawal, receipts, the migration. */
class ConsentLedgerTest {
  private static final Principal SYSTEM = new Principal.System("test");

  static TestNodes.Running start(Engine engine) {
    return TestNodes.start(
        TestNodes.withPolicy(
            TestNodes.config(engine, TestNodes.http()),
            Path.of("src/test/resources/policy/decisions.yaml")));
  }

  static UUID subscribe(TestNodes.Running node, String email) {
    HttpResponse<String> answer =
        node.json(
            "POST",
            "/api/v1/collect/newsletter-signup",
            null,
            "{\"email\":\"" + email + "\",\"agree\":true}");
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
    return ((IdentityMatch.Found)
            node.node().vault().vault().findByIdentity(SYSTEM, Identity.email(email)))
        .subjectId();
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void consentFromAForm_isAGivenEventUnderTheRecordsId_andLive(Engine engine) {
    try (TestNodes.Running node = start(engine)) {
      UUID subject = subscribe(node, "ada@example.org");
      ConsentServices consent = node.node().consent();

      List<ConsentEvent> history = consent.ledger().history(SYSTEM, Party.subject(subject));

      UUID recordId =
          node.node()
              .database()
              .jdbi()
              .withHandle(
                  h ->
                      h.createQuery("select id from consent_record where subject_id = :s")
                          .bind("s", subject)
                          .mapTo(UUID.class)
                          .one());
      assertThat(history)
          .singleElement()
          .satisfies(
              event -> {
                assertThat(event.id()).isEqualTo(recordId);
                assertThat(event.kind()).isEqualTo(ConsentEvent.Kind.GIVEN);
                assertThat(event.purposes()).containsExactly("newsletter");
                assertThat(event.legalBasis()).isEqualTo("dpv:Consent");
                assertThat(event.noticeVersion()).isEqualTo("d1");
                assertThat(event.noticeHash())
                    .isEqualTo(node.node().policies().current().contentHash());
                assertThat(event.method()).isEqualTo("form");
                assertThat(event.source()).isEqualTo("form:newsletter-signup");
              });
      assertThat(consent.states().state(Party.subject(subject)).liveConsent("newsletter", now()))
          .isTrue();
      assertThat(auditActions(node)).contains("consent.given");
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void withdrawal_endsOnlyTheNamedPurpose_isAuditedWithIt_andARetryAppendsNothing(Engine engine) {
    try (TestNodes.Running node = start(engine)) {
      UUID subject = UUID.randomUUID();
      ConsentServices consent = node.node().consent();
      ConsentEvent given =
          consent.ledger().record(SYSTEM, given(subject, List.of("newsletter", "ad-sharing")));
      assertThat(consent.states().state(Party.subject(subject)).liveConsent("ad-sharing", now()))
          .isTrue();

      List<ConsentEvent> withdrawn = withdraw(node, subject, Set.of("ad-sharing"));
      List<ConsentEvent> again = withdraw(node, subject, Set.of("ad-sharing"));

      assertThat(withdrawn)
          .singleElement()
          .satisfies(
              event -> {
                assertThat(event.kind()).isEqualTo(ConsentEvent.Kind.WITHDRAWN);
                assertThat(event.consentId()).isEqualTo(given.consentId());
                assertThat(event.purposes()).containsExactly("ad-sharing");
              });
      assertThat(again).isEmpty();
      PartyState state = consent.states().state(Party.subject(subject));
      assertThat(state.liveConsent("ad-sharing", now())).isFalse();
      assertThat(state.liveConsent("newsletter", now())).isTrue();
      assertThat(auditActions(node)).contains("consent.given", "consent.withdrawn");
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void consentRecordedThroughTheApi_isLive_andAWithdrawalThroughItEndsOnlyThatConsent(Engine engine)
      throws IOException {
    try (TestNodes.Running node = start(engine)) {
      UUID subject = subscribe(node, "hedy@example.org");
      String token = node.adminToken("subject:write", "subject:read");
      PartyState before;

      HttpResponse<String> given =
          node.json(
              "POST",
              "/api/v1/consent-events",
              token,
              "{\"subject\":\""
                  + subject
                  + "\",\"event\":\"given\",\"purposes\":[\"ad-sharing\"],"
                  + "\"method\":\"phone\",\"evidence\":\"call-2026-0042\"}");
      assertThat(given.statusCode()).as(given.body()).isEqualTo(201);
      String consentId = Json.mapper().readTree(given.body()).at("/events/0/consentId").asText();
      before = node.node().consent().states().state(Party.subject(subject));
      assertThat(before.liveConsent("ad-sharing", now())).isTrue();

      HttpResponse<String> withdrawn =
          node.json(
              "POST",
              "/api/v1/consent-events",
              token,
              "{\"subject\":\""
                  + subject
                  + "\",\"event\":\"withdrawn\",\"purposes\":[\"ad-sharing\"],"
                  + "\"method\":\"email\",\"evidence\":\"ticket-77\"}");
      assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(201);
      JsonNode events = Json.mapper().readTree(withdrawn.body()).get("events");
      assertThat(events).hasSize(1);
      assertThat(events.get(0).get("consentId").asText()).isEqualTo(consentId);
      PartyState after = node.node().consent().states().state(Party.subject(subject));
      assertThat(after.liveConsent("ad-sharing", now())).isFalse();
      assertThat(after.liveConsent("newsletter", now())).isTrue();

      int stored = count(node);
      HttpResponse<String> notConsent =
          node.json(
              "POST",
              "/api/v1/consent-events",
              token,
              "{\"subject\":\""
                  + subject
                  + "\",\"event\":\"given\",\"purposes\":[\"marketing\"],"
                  + "\"method\":\"phone\",\"evidence\":\"call-1\"}");
      HttpResponse<String> nobody =
          node.json(
              "POST",
              "/api/v1/consent-events",
              token,
              "{\"subject\":\""
                  + UUID.randomUUID()
                  + "\",\"event\":\"given\",\"purposes\":[\"newsletter\"],"
                  + "\"method\":\"phone\",\"evidence\":\"call-1\"}");
      HttpResponse<String> badEvidence =
          node.json(
              "POST",
              "/api/v1/consent-events",
              token,
              "{\"subject\":\""
                  + subject
                  + "\",\"event\":\"agreed\",\"purposes\":[\"newsletter\"],"
                  + "\"method\":\"phone\",\"evidence\":\"she said yes\"}");
      assertThat(notConsent.statusCode()).isEqualTo(422);
      assertThat(Json.mapper().readTree(notConsent.body()).at("/errors/0/field").asText())
          .isEqualTo("purposes[0]");
      assertThat(nobody.statusCode()).isEqualTo(404);
      assertThat(badEvidence.statusCode()).isEqualTo(422);
      assertThat(Json.mapper().readTree(badEvidence.body()).get("errors").findValuesAsText("field"))
          .containsExactly("event", "evidence");
      assertThat(count(node)).isEqualTo(stored);
    }
  }

  private static int count(TestNodes.Running node) {
    return node.node()
        .database()
        .jdbi()
        .withHandle(
            h -> h.createQuery("select count(*) from consent_event").mapTo(Integer.class).one());
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void receipt_isSignedAndVerifies_andATamperedReceiptFails(Engine engine) throws IOException {
    try (TestNodes.Running node = start(engine)) {
      UUID subject = subscribe(node, "grace@example.org");
      ConsentServices consent = node.node().consent();
      ConsentEvent event = consent.ledger().history(SYSTEM, Party.subject(subject)).get(0);
      String token = node.adminToken("subject:read");

      HttpResponse<String> download =
          node.get("/api/v1/consent-events/" + event.id() + "/receipt", token);

      assertThat(download.statusCode()).as(download.body()).isEqualTo(200);
      JsonNode document = Json.mapper().readTree(download.body());
      assertThat(document.at("/receipt/receiptId").asText()).isEqualTo(event.id().toString());
      assertThat(document.at("/receipt/purposes/0").asText()).isEqualTo("newsletter");
      assertThat(document.at("/receipt/event").asText()).isEqualTo("given");
      assertThat(document.at("/signature/alg").asText()).isEqualTo("Ed25519");
      assertThat(download.body()).doesNotContain("grace@");
      ConsentReceipts receipts = consent.receipts();
      assertThat(receipts.verify(download.body())).isTrue();

      ObjectNode otherPurpose = document.deepCopy();
      ((ObjectNode) otherPurpose.get("receipt")).putArray("purposes").add("ad-sharing");
      ObjectNode laterTime = document.deepCopy();
      ((ObjectNode) laterTime.get("receipt")).put("consentTimestamp", Instant.now().toString());
      ObjectNode noSignature = document.deepCopy();
      ((ObjectNode) noSignature.get("signature")).put("value", "AAAA");
      assertThat(receipts.verify(Json.mapper().writeValueAsString(otherPurpose))).isFalse();
      assertThat(receipts.verify(Json.mapper().writeValueAsString(laterTime))).isFalse();
      assertThat(receipts.verify(Json.mapper().writeValueAsString(noSignature))).isFalse();
      assertThat(receipts.verify("not json")).isFalse();
      assertThat(
              node.get("/api/v1/consent-events/" + UUID.randomUUID() + "/receipt", token)
                  .statusCode())
          .isEqualTo(404);
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void consentRecordsWrittenBeforeTheLedger_areReadAsGivenAndWithdrawnEvents(Engine engine) {
    String url = TestDatabases.freshUrl(engine);
    Flyway.configure()
        .dataSource(url, null, null)
        .locations("classpath:db/migration")
        .target("70")
        .load()
        .migrate();
    UUID whole = UUID.randomUUID();
    UUID partly = UUID.randomUUID();
    UUID subject = UUID.randomUUID();
    org.jdbi.v3.core.Jdbi.create(url)
        .useHandle(
            h -> {
              insertRecord(
                  h, whole, subject, "newsletter", "2025-02-01T10:00:00Z", "2025-03-01T10:00:00Z");
              insertRecord(
                  h, partly, subject, "newsletter,ad-sharing", "2025-02-02T10:00:00Z", null);
              h.execute(
                  "insert into consent_purpose_withdrawal (consent_record_id, purpose,"
                      + " withdrawn_at) values (?, 'ad-sharing', ?)",
                  partly,
                  Instant.parse("2025-04-01T10:00:00Z"));
            });

    try (Database migrated = Database.open(StoreSettings.of(url))) {
      List<ConsentEvent> events =
          migrated.jdbi().withHandle(h -> ConsentRows.where(h, "subject_id", subject));
      assertThat(events)
          .extracting(e -> e.kind().code() + " " + e.consentId() + " " + e.purposes())
          .containsExactly(
              "given " + whole + " [newsletter]",
              "given " + partly + " [newsletter, ad-sharing]",
              "withdrawn " + whole + " [newsletter]",
              "withdrawn " + partly + " [ad-sharing]");
      PartyState state =
          migrated.jdbi().withHandle(h -> StateLoader.load(h, Party.subject(subject)));
      assertThat(state.liveConsent("newsletter", now())).isFalse();
      assertThat(state.liveConsent("ad-sharing", now())).isFalse();
    }
  }

  private static void insertRecord(
      org.jdbi.v3.core.Handle h,
      UUID id,
      UUID subject,
      String purposes,
      String at,
      String withdrawn) {
    h.createUpdate(
            "insert into consent_record (id, subject_id, controller, notice_version, notice_hash,"
                + " purposes, categories, legal_basis, method, given_at, expires_at, withdrawal,"
                + " form_id, submission_id, evidence_hash, withdrawn_at) values (:id, :s, 'acme',"
                + " 'd1', :hash, :p, 'contact.email', 'dpv:Consent', 'web-form', :at, null,"
                + " 'email', 'newsletter-signup', :sub, :evidence, :w)")
        .bind("id", id)
        .bind("s", subject)
        .bind("hash", "0".repeat(64))
        .bind("p", purposes)
        .bind("at", Instant.parse(at))
        .bind("sub", UUID.randomUUID())
        .bind("evidence", "e".repeat(64))
        .bindByType("w", withdrawn == null ? null : Instant.parse(withdrawn), Instant.class)
        .execute();
  }

  static ConsentEvent given(UUID subject, List<String> purposes) {
    UUID id = UUID.randomUUID();
    return new ConsentEvent(
        id,
        id,
        subject,
        null,
        ConsentEvent.Kind.GIVEN,
        "acme",
        purposes,
        List.of("contact.email"),
        "dpv:Consent",
        "d1",
        "0".repeat(64),
        "api",
        now(),
        null,
        List.of("email"),
        "test",
        "api");
  }

  private static List<ConsentEvent> withdraw(
      TestNodes.Running node, UUID subject, Set<String> purposes) {
    return node.node()
        .database()
        .jdbi()
        .inTransaction(
            h ->
                node.node()
                    .consent()
                    .ledger()
                    .withdraw(h, SYSTEM, subject, purposes, "api", "test", "api"));
  }

  static List<String> auditActions(TestNodes.Running node) {
    return node.node()
        .database()
        .jdbi()
        .withHandle(
            h ->
                h.createQuery("select action from audit_entry order by seq")
                    .mapTo(String.class)
                    .list());
  }

  static Instant now() {
    return Instant.now();
  }
}
