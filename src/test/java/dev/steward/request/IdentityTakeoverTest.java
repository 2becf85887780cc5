package dev.steward.request;

import static dev.steward.request.FulfilmentTourTest.download;
import static dev.steward.request.FulfilmentTourTest.link;
import static dev.steward.request.FulfilmentTourTest.unzip;
import static dev.steward.request.RequestWorld.instant;
import static dev.steward.request.RequestWorld.json;
import static dev.steward.request.RequestWorld.secretIn;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.fulfilment.FulfilmentSettings;
import dev.steward.principal.Principal;
import dev.steward.store.Engine;
import dev.steward.vault.Identity;
import dev.steward.vault.IdentityMatch;
import dev.steward.vault.LinkCandidates;
import dev.steward.vault.NewRecord;
import dev.steward.vault.NewSubject;
import dev.steward.vault.Provenance;
import dev.steward.vault.ReturningPerson;
import dev.steward.vault.Subject;
import dev.steward.vault.Vault;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Someone who knows a person's name, address or phone number, but controls none of their email
 * addresses or phones, tries to be taken for them: through the public contact form, then an access
 * request they verify with their own address. Each attempt ends with the attacker's package holding
 * none of the victim's data and the victim's subject as it was (docs/vault.md, "Linking").
 */
class IdentityTakeoverTest {
  private static final Principal SETUP = new Principal.System("test");
  private static final Principal STAFF = new Principal.System("staff-test");
  private static final Map<Engine, RequestWorld> WORLDS = new EnumMap<>(Engine.class);
  private static final AtomicInteger PEOPLE = new AtomicInteger();

  static RequestWorld world(Engine engine) {
    return WORLDS.computeIfAbsent(
        engine,
        e ->
            RequestWorld.start(
                e,
                instant("2026-06-01T09:00", "UTC"),
                new FulfilmentSettings(
                    Optional.empty(),
                    Map.of(),
                    "",
                    Duration.ofDays(7),
                    Duration.ofSeconds(1),
                    true)));
  }

  @AfterAll
  static void close() {
    WORLDS.values().forEach(RequestWorld::close);
  }

  /** A person the company knows: name, email and phone vouched for, and a secret record. */
  private record Victim(UUID subject, String name, String email, String phone, String secret) {}

  private static Victim victim(RequestWorld world) {
    int n = PEOPLE.incrementAndGet();
    String name = "Alice Liddell " + n;
    String email = "alice-" + n + "@victim.example";
    String phone = "+852 5123 " + (4000 + n);
    String secret = "victim-secret-" + UUID.randomUUID();
    Vault vault = vault(world);
    UUID subject =
        vault.createSubject(
            SETUP,
            NewSubject.of(
                "customer-contacts",
                List.of(Identity.name(name), Identity.email(email), Identity.phone(phone))),
            ReturningPerson.REFUSE);
    Provenance provenance =
        new Provenance(
            "the-person",
            "email-im",
            Set.of("inquiries"),
            "dpv:Contract",
            world.clock.instant(),
            null);
    vault.addRecords(
        SETUP,
        List.of(
            new NewRecord(subject, "service.inquiry", provenance, secret),
            new NewRecord(subject, "contact.email", provenance, email)));
    return new Victim(subject, name, email, phone, secret);
  }

  private static String attacker(Engine engine) {
    return "mallory-" + PEOPLE.incrementAndGet() + "-" + engine.name().toLowerCase() + "@evil.test";
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void contactForm_withTheVictimsName_andTheAttackersEmail_givesTheAttackerNothingOfTheVictim(
      Engine engine) throws IOException {
    RequestWorld world = world(engine);
    Victim victim = victim(world);
    Snapshot before = snapshot(world, victim);
    String attacker = attacker(engine);

    contactUs(world, victim.name(), attacker, "hello, it is me");

    assertTakeoverFails(world, victim, before, accessVerifiedByCode(world, attacker, null));
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void contactForm_withTheVictimsNameInOtherCaseAndSpacing_givesTheAttackerNothing(Engine engine)
      throws IOException {
    RequestWorld world = world(engine);
    Victim victim = victim(world);
    Snapshot before = snapshot(world, victim);
    String attacker = attacker(engine);

    contactUs(world, "  " + victim.name().toUpperCase().replace(" ", "   ") + "\t", attacker, "hi");

    assertTakeoverFails(world, victim, before, accessVerifiedByCode(world, attacker, null));
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void contactForm_withUnicodeLookAlikesOfTheVictimsName_givesTheAttackerNothing(Engine engine)
      throws IOException {
    RequestWorld world = world(engine);
    Victim victim = victim(world);
    Snapshot before = snapshot(world, victim);
    String attacker = attacker(engine);

    // Cyrillic A, and full-width letters that NFKC folds into the victim's very name.
    contactUs(world, victim.name().replace("A", "\u0410"), attacker, "hi");
    contactUs(world, toFullWidth(victim.name()), attacker, "hi again");

    assertTakeoverFails(world, victim, before, accessVerifiedByCode(world, attacker, null));
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void accessRequest_withTheAttackersEmail_andTheVictimsPhone_reachesOnlyWhatTheCodeProved(
      Engine engine) throws IOException {
    RequestWorld world = world(engine);
    Victim victim = victim(world);
    Snapshot before = snapshot(world, victim);
    String attacker = attacker(engine);

    // The code goes to the attacker's address; the phone beside it proves nothing.
    assertTakeoverFails(
        world, victim, before, accessVerifiedByCode(world, attacker, victim.phone()));

    String known = attacker(engine);
    contactUs(world, "Mallory", known, "my own message");
    Map<String, String> own = accessVerifiedByCode(world, known, victim.phone());
    assertThat(own.get("data.json")).contains("my own message");
    assertTakeoverFails(world, victim, before, own);
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void contactForm_withTheVictimsEmail_makesASeparateSubjectAndALinkCandidate_notAMerge(
      Engine engine) {
    RequestWorld world = world(engine);
    Victim victim = victim(world);
    Snapshot before = snapshot(world, victim);

    contactUs(world, "Mallory", victim.email(), "planted text");

    assertThat(snapshot(world, victim)).isEqualTo(before);
    List<LinkCandidates.Candidate> open =
        vault(world).linkCandidates().list(STAFF, LinkCandidates.Status.OPEN, 1000).stream()
            .filter(candidate -> candidate.holderId().equals(victim.subject()))
            .toList();
    assertThat(open)
        .singleElement()
        .satisfies(
            candidate -> {
              assertThat(candidate.identityType()).isEqualTo("email");
              assertThat(candidate.subjectId()).isNotEqualTo(victim.subject());
            });
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void aPersonWhoUsedTheFormTwice_andProvesTheirEmail_getsBothMessagesInOnePackage(Engine engine)
      throws IOException {
    RequestWorld world = world(engine);
    String person = "twice-" + PEOPLE.incrementAndGet() + "@example.hk";
    contactUs(world, "Bea", person, "first message");
    contactUs(world, "Bea", person, "second message");
    UUID first = ((IdentityMatch.Found) find(world, Identity.email(person))).subjectId();

    String data = accessVerifiedByCode(world, person, null).get("data.json");
    assertThat(data).contains("first message", "second message");
    Subject linked = vault(world).subject(SETUP, first);
    assertThat(linked.identities())
        .filteredOn(ref -> ref.type().equals("email"))
        .singleElement()
        .extracting(Subject.IdentityRef::proof)
        .isEqualTo("verified");
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void brokenOrHiddenCharactersInAnIdentity_areRefusedAtEveryDoor_andNothingIsStored(
      Engine engine) {
    RequestWorld world = world(engine);
    int subjects = world.count("vault_subject");
    int requests = world.count("rights_request");
    int aliases = world.count("request_alias");
    // JSON escapes: a lone surrogate, which would be stored as '?'; NUL; a right-to-left override.
    for (String email :
        List.of("\\ud83d@example.com", "ann\\u0000@example.com", "ann\\u202e@example.com")) {
      HttpResponse<String> form =
          world.post(
              "/api/v1/collect/contact-us",
              null,
              "{\"name\":\"Ann\",\"email\":\"" + email + "\",\"message\":\"hi\"}");
      assertThat(form.statusCode()).as(form.body()).isEqualTo(422);
      HttpResponse<String> request =
          world.post(
              "/api/v1/public/requests",
              null,
              "{\"type\":\"access\",\"residence\":\"HK\",\"identity\":{\"email\":\""
                  + email
                  + "\"}}");
      assertThat(request.statusCode()).as(request.body()).isEqualTo(422);
      HttpResponse<String> removal =
          world.post(
              "/api/v1/content-removals",
              world.customer,
              "{\"email\":\"" + email + "\",\"details\":\"remove it\"}");
      assertThat(removal.statusCode()).as(removal.body()).isEqualTo(422);
    }
    assertThat(world.count("vault_subject")).isEqualTo(subjects);
    assertThat(world.count("rights_request")).isEqualTo(requests);
    assertThat(world.count("request_alias")).isEqualTo(aliases);
  }

  /** What the victim's subject is: its identities and how many records it holds. */
  private record Snapshot(List<Subject.IdentityRef> identities, int records) {}

  private static Snapshot snapshot(RequestWorld world, Victim victim) {
    Subject subject = vault(world).subject(SETUP, victim.subject());
    int records = vault(world).readRecords(SETUP, victim.subject(), "inquiries").size();
    return new Snapshot(subject.identities(), records);
  }

  private static void assertTakeoverFails(
      RequestWorld world, Victim victim, Snapshot before, Map<String, String> files) {
    String everything = String.join("\n", files.values());
    assertThat(everything)
        .doesNotContain(victim.secret())
        .doesNotContain(victim.email())
        .doesNotContain(victim.phone().replace(" ", ""));
    assertThat(snapshot(world, victim)).isEqualTo(before);
  }

  private static void contactUs(RequestWorld world, String name, String email, String message) {
    HttpResponse<String> answer =
        world.post(
            "/api/v1/collect/contact-us",
            null,
            "{\"name\":%s,\"email\":%s,\"message\":%s}"
                .formatted(quote(name), quote(email), quote(message)));
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
  }

  /**
   * Files a Hong Kong access request (verified by a code to the email address), proves the address
   * with the code from the letter, and has staff start it. Returns the files of the package the
   * completion letter links to, or none when the request found no data of the requester and waits
   * for staff (nothing was sent).
   */
  private static Map<String, String> accessVerifiedByCode(
      RequestWorld world, String email, String phone) throws IOException {
    String identity =
        phone == null
            ? "{\"email\":%s}".formatted(quote(email))
            : "{\"email\":%s,\"phone\":%s}".formatted(quote(email), quote(phone));
    String reference =
        world.submit("{\"type\":\"access\",\"residence\":\"HK\",\"identity\":" + identity + "}");
    UUID id = world.idOf(reference);
    String code = secretIn(world.letter(email, "Your verification code"));
    assertThat(
            world
                .post(
                    "/api/v1/public/requests/" + reference + "/code",
                    null,
                    "{\"code\":\"" + code + "\"}")
                .statusCode())
        .isEqualTo(204);
    String state = json(world.act(id, "start", null)).get("state").asText();
    if (state.equals("in_progress")) {
      return Map.of();
    }
    assertThat(state).isEqualTo("awaiting_systems");
    String letter = RequestWorld.body(world.letter(email, "is complete"));
    HttpResponse<byte[]> zip = download(world, link(letter));
    assertThat(zip.statusCode()).isEqualTo(200);
    return unzip(zip.body());
  }

  private static IdentityMatch find(RequestWorld world, Identity identity) {
    return vault(world).findByIdentity(SETUP, identity);
  }

  private static Vault vault(RequestWorld world) {
    return world.node.vault().vault();
  }

  private static String quote(String text) {
    return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\t", "\\t") + "\"";
  }

  private static String toFullWidth(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      out.append(c >= '!' && c <= '~' ? (char) (c - '!' + '\uFF01') : c);
    }
    return out.toString();
  }
}
