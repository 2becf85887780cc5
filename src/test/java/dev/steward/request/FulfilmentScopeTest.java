package dev.steward.request;

import static dev.steward.request.FulfilmentTourTest.count;
import static dev.steward.request.FulfilmentTourTest.disclose;
import static dev.steward.request.FulfilmentTourTest.download;
import static dev.steward.request.FulfilmentTourTest.instruct;
import static dev.steward.request.FulfilmentTourTest.link;
import static dev.steward.request.FulfilmentTourTest.record;
import static dev.steward.request.FulfilmentTourTest.start;
import static dev.steward.request.FulfilmentTourTest.subject;
import static dev.steward.request.FulfilmentTourTest.unzip;
import static dev.steward.request.FulfilmentTourTest.vault;
import static dev.steward.request.RequestWorld.instant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.error.StewardException;
import dev.steward.fulfilment.DataSystem;
import dev.steward.fulfilment.ErasureScope;
import dev.steward.fulfilment.FulfilmentSettings;
import dev.steward.fulfilment.Operation;
import dev.steward.fulfilment.SubjectRef;
import dev.steward.fulfilment.SystemResult;
import dev.steward.principal.Principal;
import dev.steward.store.Engine;
import dev.steward.vault.SubjectNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What fulfilment covers, on both engines over HTTP with letters over SMTP: the scope of a CCPA
 * deletion, Art. 19 recipients kept across a failed erase, redaction as the policy file says,
 * consent withdrawn per purpose, and the replacement-contact letter. The node runs on the bundled
 * policy with two categories' access settings changed, and reaches a second system, the "ledger",
 * which can be told to fail once after the subject was erased.
 */
class FulfilmentScopeTest {
  private static final Principal SETUP = new Principal.System("test");
  private static final Map<Engine, RequestWorld> WORLDS = new EnumMap<>(Engine.class);
  private static final RecordingEndpoints ENDPOINTS = new RecordingEndpoints();
  private static final List<String> CALLS = ENDPOINTS.calls();
  private static final Ledger LEDGER = new Ledger();
  private static final String ANALYTICS = "privacy@analytics.example.com";

  static RequestWorld world(Engine engine) {
    return WORLDS.computeIfAbsent(
        engine,
        e -> {
          RequestWorld world =
              RequestWorld.start(
                  e,
                  instant("2026-06-01T09:00", "UTC"),
                  policy(),
                  new FulfilmentSettings(
                      Optional.empty(),
                      Map.of("crm-cloud", ENDPOINTS.uri("/art19").toString()),
                      "",
                      Duration.ofDays(7),
                      Duration.ofSeconds(1),
                      true),
                  List.of(LEDGER));
          LEDGER.worlds.put(e, world);
          return world;
        });
  }

  /**
   * A person holding an email they gave themselves and feedback about them a customer gave, both
   * for inquiries.
   */
  private static UUID withDataFromOthers(RequestWorld world, String email) {
    UUID subject = subject(world, email);
    record(world, subject, "contact.email", "the-person", "inquiries", email);
    record(world, subject, "service.feedback", "customers", "inquiries", "told by a customer");
    return subject;
  }

  @AfterAll
  static void close() {
    WORLDS.values().forEach(RequestWorld::close);
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void ccpaDelete_keepsWhatCameFromOthers_andTheLetterSaysWhy(Engine engine) {
    RequestWorld world = world(engine);
    String to = "ccpa-scope-" + engine.name().toLowerCase() + "@example.com";
    UUID subject = withDataFromOthers(world, to);

    UUID id = world.log("delete", "US-CA", to, world.clock.instant());
    start(world, id);

    String letter = RequestWorld.body(world.letter(to, "is complete"));
    assertThat(letter)
        .contains("did not collect it from you", "service.feedback", "from Customers")
        .doesNotContain("told by a customer");
    assertThat(vault(world).readRecords(SETUP, subject, "inquiries"))
        .extracting(r -> r.category())
        .containsExactly("service.feedback");
    assertThat(world.state(id)).isEqualTo("completed");
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void gdprErasure_takesWhatCameFromOthersToo(Engine engine) {
    RequestWorld world = world(engine);
    String to = "gdpr-scope-" + engine.name().toLowerCase() + "@example.co.uk";
    UUID subject = withDataFromOthers(world, to);

    UUID id = world.log("erasure", "GB", to, world.clock.instant());
    start(world, id);

    String letter = RequestWorld.body(world.letter(to, "is complete"));
    assertThat(letter).doesNotContain("did not collect it from you");
    assertThatThrownBy(() -> vault(world).readRecords(SETUP, subject, "inquiries"))
        .isInstanceOf(SubjectNotFoundException.class);
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void erasure_failingAfterTheSubjectWentAndRetried_stillTellsTheRecipientsCapturedBefore(
      Engine engine) {
    RequestWorld world = world(engine);
    String to = "art19-retry-" + engine.name().toLowerCase() + "@example.co.uk";
    UUID subject = subject(world, to);
    record(world, subject, "contact.email", "the-person", "inquiries", to);
    disclose(world, subject, "crm-cloud", "contact.email");
    LEDGER.failOnceAfterErasing.add(subject);

    UUID id = world.log("erasure", "GB", to, world.clock.instant());
    start(world, id);

    String letter = RequestWorld.body(world.letter(to, "is complete"));
    assertThat(LEDGER.evidenceSeen.get(subject)).contains("crm-cloud");
    assertThat(count(world, "fulfilment_task where request_id = '" + id + "' and attempts = 2"))
        .isEqualTo(1);
    assertThat(CALLS).anyMatch(call -> call.startsWith("/art19") && call.contains(id.toString()));
    assertThat(
            count(
                world,
                "recipient_notification where request_id = '"
                    + id
                    + "' and recipient = 'crm-cloud' and channel = 'webhook'"))
        .isEqualTo(1);
    // The person was a customer's representative: the policy lets the letter ask for another.
    assertThat(letter).contains("who we should deal with instead");
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void erasure_tellsARecipientByTheNoticeContactThePolicyGivesIt(Engine engine) {
    RequestWorld world = world(engine);
    String to = "art19-policy-" + engine.name().toLowerCase() + "@example.co.uk";
    UUID subject = subject(world, to);
    record(world, subject, "contact.email", "the-person", "inquiries", to);
    disclose(world, subject, "marketing-analytics", "contact.email");

    UUID id = world.log("erasure", "GB", to, world.clock.instant());
    start(world, id);

    world.letter(to, "is complete");
    String notice = RequestWorld.body(world.letter(ANALYTICS, "was erased"));
    assertThat(notice).contains(id.toString()).doesNotContain(to);
    assertThat(
            count(
                world,
                "recipient_notification where request_id = '"
                    + id
                    + "' and recipient = 'marketing-analytics' and channel = 'email'"
                    + " and outcome = 'queued'"))
        .isEqualTo(1);
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void erasure_ofAVisitorWhoUsedTheContactForm_doesNotAskForAReplacementContact(Engine engine) {
    RequestWorld world = world(engine);
    String to = "visitor-" + engine.name().toLowerCase() + "@example.co.uk";
    assertThat(
            world
                .post(
                    "/api/v1/collect/contact-us",
                    null,
                    "{\"email\":\"" + to + "\",\"message\":\"Do you serve Lisbon?\"}")
                .statusCode())
        .isEqualTo(201);
    assertThat(count(world, "vault_subject where subject_type = 'website-visitors'")).isPositive();

    UUID id = world.log("erasure", "GB", to, world.clock.instant());
    start(world, id);

    String letter = RequestWorld.body(world.letter(to, "is complete"));
    assertThat(letter).doesNotContain("our contact at your organisation", "deal with instead");
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void access_inChinese_isAPackageAndLettersWithNoEnglishSentence(Engine engine)
      throws IOException {
    RequestWorld world = world(engine);
    String to = "access-zh-" + engine.name().toLowerCase() + "@example.cn";
    UUID subject = subject(world, to);
    record(world, subject, "contact.email", "the-person", "inquiries", to);
    String reference =
        RequestWorld.reference(
            world.post(
                "/api/v1/requests",
                world.dpo,
                ("{\"type\":\"access\",\"residence\":\"GB\",\"identity\":{\"email\":\"%s\"},"
                        + "\"channel\":\"email\",\"language\":\"zh-CN\"}")
                    .formatted(to)));
    start(world, world.idOf(reference));

    String letter = RequestWorld.body(world.letter(to, "已处理完毕"));
    String report = unzip(download(world, link(letter)).body()).get("report.html");
    List<String> names = List.of("ChinaCache Networks (UK) Limited", "Information Commissioner");

    assertThat(report).contains("答复客户、潜在客户和供应商的问题和反馈", "合同");
    assertThat(dev.steward.i18n.LatinSentences.in(report, names)).isEmpty();
    assertThat(dev.steward.i18n.LatinSentences.in(letter, names)).isEmpty();
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void erasure_ofASupplierContactInChinese_asksForAReplacementContactInChinese(Engine engine) {
    RequestWorld world = world(engine);
    String to = "supplier-zh-" + engine.name().toLowerCase() + "@example.cn";
    UUID subject =
        vault(world)
            .createSubject(
                SETUP,
                dev.steward.vault.NewSubject.of(
                    "supplier-contacts", List.of(dev.steward.vault.Identity.email(to))),
                dev.steward.vault.ReturningPerson.REFUSE);
    record(world, subject, "contact.email", "the-person", "inquiries", to);
    String reference =
        RequestWorld.reference(
            world.post(
                "/api/v1/requests",
                world.dpo,
                ("{\"type\":\"erasure\",\"residence\":\"GB\",\"identity\":{\"email\":\"%s\"},"
                        + "\"channel\":\"email\",\"language\":\"zh-CN\"}")
                    .formatted(to)));
    UUID id = world.idOf(reference);
    start(world, id);

    String letter = RequestWorld.body(world.letter(to, "已处理完毕"));
    assertThat(letter).contains("请贵机构告知我们今后应与谁联系");
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void access_redactsAndDisclosesAsThePolicyFileSays(Engine engine) throws IOException {
    RequestWorld world = world(engine);
    String to = "redaction-" + engine.name().toLowerCase() + "@example.co.uk";
    UUID subject = subject(world, to);
    record(world, subject, "contact.email", "the-person", "inquiries", to);
    record(world, subject, "applicant.third_party_input", "recruiters", "recruitment", "Ref: Bo");
    record(world, subject, "service.feedback", "customers", "inquiries", "Mo said so");

    UUID id = world.log("access", "GB", to, world.clock.instant());
    start(world, id);

    String letter = RequestWorld.body(world.letter(to, "is complete"));
    Map<String, String> files = unzip(download(world, link(letter)).body());
    // This policy discloses the recruiters' input and redacts customer feedback.
    assertThat(files.get("data.json"))
        .contains(to, "Ref: Bo", "[redacted: about another person]")
        .doesNotContain("Mo said so");
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void withdrawal_namingAPurpose_endsConsentForThatPurposeOnly(Engine engine) {
    RequestWorld world = world(engine);
    String to = "withdraw-" + engine.name().toLowerCase() + "@example.co.uk";
    UUID subject = subject(world, to);
    record(world, subject, "contact.email", "the-person", "inquiries", to);
    UUID marketingOnly = consent(world, subject, "marketing");
    UUID both = consent(world, subject, "marketing,testimonials");
    UUID testimonialsOnly = consent(world, subject, "testimonials");

    UUID id = world.log("withdraw_consent", "GB", to, world.clock.instant());
    instruct(world, id, "{\"purposes\":[\"marketing\"]}");
    start(world, id);
    world.letter(to, "is complete");

    assertThat(withdrawn(world, marketingOnly)).isTrue();
    assertThat(withdrawn(world, both)).isFalse();
    assertThat(withdrawn(world, testimonialsOnly)).isFalse();
    assertThat(
            count(
                world,
                "consent_purpose_withdrawal where consent_record_id = '"
                    + both
                    + "' and purpose = 'marketing'"))
        .isEqualTo(1);
    assertThat(count(world, "consent_purpose_withdrawal where purpose = 'testimonials'")).isZero();
    String objected =
        world
            .node
            .database()
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery("select purposes from subject_objection where request_id = :id")
                        .bind("id", id)
                        .mapTo(String.class)
                        .one());
    assertThat(objected).isEqualTo("marketing");
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void instructions_namingAnUnknownPurpose_areRefusedWith422(Engine engine) {
    RequestWorld world = world(engine);
    UUID id =
        world.log(
            "withdraw_consent",
            "GB",
            "unknown-purpose-" + engine.name().toLowerCase() + "@example.co.uk",
            world.clock.instant());
    var response =
        world.post(
            "/api/v1/requests/" + id + "/instructions",
            world.dpo,
            "{\"purposes\":[\"astrology\"]}");
    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(response.body()).contains("astrology");
  }

  private static UUID consent(RequestWorld world, UUID subject, String purposes) {
    UUID id = UUID.randomUUID();
    world
        .node
        .database()
        .jdbi()
        .useHandle(
            h ->
                h.createUpdate(
                        "insert into consent_record (id, subject_id, controller, notice_version,"
                            + " notice_hash, purposes, categories, legal_basis, method, given_at,"
                            + " withdrawal, form_id, submission_id, evidence_hash) values (:id,"
                            + " :subject, 'group', '2019-10', 'hash', :purposes, 'contact.email',"
                            + " 'dpv:Consent', 'web_form', :at, 'privacy-center', 'newsletter',"
                            + " :submission, 'evidence')")
                    .bind("id", id)
                    .bind("subject", subject)
                    .bind("purposes", purposes)
                    .bind("at", world.clock.instant())
                    .bind("submission", UUID.randomUUID())
                    .execute());
    return id;
  }

  private static boolean withdrawn(RequestWorld world, UUID consent) {
    return count(world, "consent_record where id = '" + consent + "' and withdrawn_at is not null")
        == 1;
  }

  /** The bundled policy with the recruiters' input disclosed and customer feedback redacted. */
  private static Path policy() {
    try (var in = FulfilmentScopeTest.class.getResourceAsStream("/policy/bundled-policy.yaml")) {
      String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      String disclosed =
          yaml.replace(
                  "        about_others: true\n",
                  "        about_others: true\n        disclose_in_access: true\n")
              .replace(
                  "      - {id: service.feedback, name: Customer feedback}",
                  "      - {id: service.feedback, name: Customer feedback,"
                      + " disclose_in_access: false}")
              .replace(
                  "  - id: marketing-analytics\n",
                  "  - id: marketing-analytics\n    notice_contact: mailto:" + ANALYTICS + "\n");
      assertThat(disclosed)
          .contains("disclose_in_access: true", "disclose_in_access: false", ANALYTICS);
      Path file = Files.createTempFile("steward-policy-", ".yaml");
      Files.writeString(file, disclosed);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A second system holding the subject's data. For a subject in {@link #failOnceAfterErasing} its
   * first erase stands for an attempt that failed after the subject was already erased: it erases
   * the vault subject, notes the Art. 19 evidence the vault's task holds at that moment, and fails.
   */
  static final class Ledger implements DataSystem {
    final Set<UUID> failOnceAfterErasing = ConcurrentHashMap.newKeySet();
    final Map<UUID, String> evidenceSeen = new ConcurrentHashMap<>();
    final Map<Engine, RequestWorld> worlds = new ConcurrentHashMap<>();

    @Override
    public String id() {
      return "ledger";
    }

    @Override
    public Set<Operation> capabilities() {
      return Set.of(Operation.ERASE);
    }

    @Override
    public SystemResult erase(SubjectRef subject, ErasureScope scope) {
      if (failOnceAfterErasing.remove(subject.subjectId())) {
        RequestWorld world =
            worlds.values().stream()
                .filter(w -> hasTask(w, subject.requestId()))
                .findFirst()
                .orElseThrow();
        evidenceSeen.put(
            subject.subjectId(),
            world
                .node
                .database()
                .jdbi()
                .withHandle(
                    h ->
                        h.createQuery(
                                "select evidence from fulfilment_task where request_id = :r"
                                    + " and system_id = 'vault'")
                            .bind("r", subject.requestId())
                            .mapTo(String.class)
                            .one()));
        vault(world).erase(SETUP, subject.subjectId(), "test", null, List.of());
        throw new StewardException("unavailable", 503, "the ledger went away after erasing");
      }
      return SystemResult.done("erased", Map.of("rows", 1), List.of());
    }

    private static boolean hasTask(RequestWorld world, UUID requestId) {
      return count(world, "fulfilment_task where request_id = '" + requestId + "'") > 0;
    }
  }

  static Instant now() {
    return Instant.now();
  }
}
