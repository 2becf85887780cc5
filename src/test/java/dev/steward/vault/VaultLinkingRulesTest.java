package dev.steward.vault;

import static dev.steward.vault.VaultFixture.SYSTEM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.error.ConflictException;
import dev.steward.store.Engine;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The vault's linking rules (docs/vault.md, "Linking") on both engines: names never identify, an
 * unproven claim never merges, and a proof links only what was claimed under the identity it
 * proves.
 */
class VaultLinkingRulesTest {

  private static UUID claim(VaultFixture fixture, Identity... identities) {
    return fixture.vault.createFromClaim(
        SYSTEM, NewSubject.of("customer_contact", List.of(identities)));
  }

  private static String hash(VaultFixture fixture, Identity identity) {
    return new IdentityIndex(fixture.indexKey, new IdentityNormalizer("GB")).hash(identity);
  }

  private static Optional<UUID> prove(VaultFixture fixture, Identity identity) {
    return fixture
        .store
        .jdbi()
        .inTransaction(
            handle ->
                fixture.vault.subjectProvenBy(
                    handle,
                    SYSTEM,
                    List.of(hash(fixture, identity)),
                    IdentityProof.VERIFIED,
                    "request:test"));
  }

  private static List<LinkCandidates.Candidate> open(VaultFixture fixture) {
    return fixture.vault.linkCandidates().list(SYSTEM, LinkCandidates.Status.OPEN, 100);
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void twoPeopleWithOneName_areTwoSubjects_andASearchByNameFindsBoth(Engine engine) {
    try (VaultFixture fixture = new VaultFixture(engine)) {
      UUID first =
          fixture.vault.createSubject(
              SYSTEM,
              NewSubject.of(
                  "customer_contact",
                  List.of(Identity.name("John Smith"), Identity.email("john@one.example"))),
              ReturningPerson.REFUSE);
      UUID second =
          fixture.vault.createSubject(
              SYSTEM,
              NewSubject.of(
                  "customer_contact",
                  List.of(Identity.name("JOHN  smith"), Identity.email("john@two.example"))),
              ReturningPerson.REFUSE);

      assertThat(second).isNotEqualTo(first);
      assertThat(fixture.vault.findByIdentity(SYSTEM, Identity.name("John Smith")))
          .isInstanceOfSatisfying(
              IdentityMatch.Several.class,
              several -> assertThat(several.subjectIds()).containsExactlyInAnyOrder(first, second));
      assertThat(fixture.vault.subject(SYSTEM, second).identities())
          .extracting(Subject.IdentityRef::type)
          .containsExactly("email", "name");
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void aClaim_sharingAnEmailWithASubject_staysApart_andBecomesALinkCandidate(Engine engine) {
    try (VaultFixture fixture = new VaultFixture(engine)) {
      UUID ann = fixture.subjectWithEmail("ann@example.com");

      UUID claimant =
          claim(fixture, Identity.email("ANN@example.com"), Identity.phone("+44 7911 123451"));

      assertThat(claimant).isNotEqualTo(ann);
      assertThat(fixture.vault.subject(SYSTEM, ann).identities())
          .extracting(Subject.IdentityRef::type)
          .containsExactly("email");
      assertThat(fixture.vault.subject(SYSTEM, claimant).identities())
          .extracting(Subject.IdentityRef::type, Subject.IdentityRef::proof)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("phone", "asserted"));
      assertThat(open(fixture))
          .singleElement()
          .satisfies(
              candidate -> {
                assertThat(candidate.subjectId()).isEqualTo(claimant);
                assertThat(candidate.holderId()).isEqualTo(ann);
                assertThat(candidate.identityType()).isEqualTo("email");
              });
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void staffLinkingACandidate_mergesTheClaimIntoTheHolder_andDismissingKeepsThemApart(
      Engine engine) {
    try (VaultFixture fixture = new VaultFixture(engine)) {
      UUID ann = fixture.subjectWithEmail("ann@example.com");
      UUID first = claim(fixture, Identity.email("ann@example.com"));
      fixture.addRecords(first, "notes", "from the form");
      UUID bo = fixture.subjectWithEmail("bo@example.com");
      UUID second = claim(fixture, Identity.email("bo@example.com"));
      List<LinkCandidates.Candidate> candidates = open(fixture);

      fixture
          .vault
          .linkCandidates()
          .decide(SYSTEM, idFor(candidates, first), LinkCandidates.Decision.LINK);
      fixture
          .vault
          .linkCandidates()
          .decide(SYSTEM, idFor(candidates, second), LinkCandidates.Decision.DISMISS);

      assertThat(fixture.values(ann)).containsExactly("from the form");
      assertThat(fixture.vault.subject(SYSTEM, first).id()).isEqualTo(ann);
      assertThat(fixture.vault.subject(SYSTEM, second).id()).isNotEqualTo(bo);
      assertThat(open(fixture)).isEmpty();
      assertThatThrownBy(
              () ->
                  fixture
                      .vault
                      .linkCandidates()
                      .decide(SYSTEM, idFor(candidates, second), LinkCandidates.Decision.LINK))
          .isInstanceOf(ConflictException.class);
    }
  }

  private static UUID idFor(List<LinkCandidates.Candidate> candidates, UUID subject) {
    return candidates.stream()
        .filter(c -> c.subjectId().equals(subject))
        .findFirst()
        .orElseThrow()
        .id();
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void aProofOfAnEmail_linksEveryUnprovenClaimOfIt_andHoldsItByProof(Engine engine) {
    try (VaultFixture fixture = new VaultFixture(engine)) {
      UUID first = claim(fixture, Identity.email("cy@example.com"), Identity.name("Cy"));
      fixture.addRecords(first, "notes", "first form");
      UUID second = claim(fixture, Identity.email("cy@example.com"));
      fixture.addRecords(second, "notes", "second form");

      Optional<UUID> proven = prove(fixture, Identity.email("cy@example.com"));

      assertThat(proven).contains(first);
      assertThat(fixture.values(first)).containsExactlyInAnyOrder("first form", "second form");
      assertThat(fixture.vault.subject(SYSTEM, first).identities())
          .filteredOn(ref -> ref.type().equals("email"))
          .extracting(Subject.IdentityRef::proof)
          .containsExactly("verified");
      assertThat(open(fixture)).isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void twoIdentitiesClaimedTogether_whicheverIsProvenFirst_theOtherLeadsNowhereAfter(
      Engine engine) {
    try (VaultFixture fixture = new VaultFixture(engine)) {
      // Someone types a stranger's address beside their own phone, before the stranger is known.
      UUID planted =
          claim(fixture, Identity.email("dee@example.com"), Identity.phone("+44 7911 123452"));
      // The owner of the address proves it first: the phone typed beside it reaches nothing after.
      assertThat(prove(fixture, Identity.email("dee@example.com"))).contains(planted);
      fixture.addRecords(planted, "notes", "the owner's own data");
      assertThat(prove(fixture, Identity.phone("+44 7911 123452"))).isEmpty();

      // The other way round: the phone's owner proves it first; the address then leads nowhere.
      UUID other =
          claim(fixture, Identity.email("dan@example.com"), Identity.phone("+44 7911 123453"));
      assertThat(prove(fixture, Identity.phone("+44 7911 123453"))).contains(other);
      assertThat(prove(fixture, Identity.email("dan@example.com"))).isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void anIdentityAConfirmedSubjectHoldsOnlyByAssertion_leadsNowhereWithoutProof(Engine engine) {
    try (VaultFixture fixture = new VaultFixture(engine)) {
      UUID subject =
          claim(fixture, Identity.email("eve@example.com"), Identity.phone("+44 7911 123454"));
      fixture
          .store
          .jdbi()
          .useTransaction(
              handle ->
                  assertThat(
                          fixture.vault.subjectReachedBy(
                              handle, List.of(hash(fixture, Identity.phone("+44 7911 123454")))))
                      .contains(subject));
      prove(fixture, Identity.email("eve@example.com"));

      fixture
          .store
          .jdbi()
          .useTransaction(
              handle ->
                  assertThat(
                          fixture.vault.subjectReachedBy(
                              handle, List.of(hash(fixture, Identity.phone("+44 7911 123454")))))
                      .isEmpty());
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void dataPoints_countWhatEachSubjectHolds_namesForEveryoneWhoHoldsThem(Engine engine) {
    try (VaultFixture fixture = new VaultFixture(engine)) {
      UUID one =
          fixture.vault.createSubject(
              SYSTEM,
              NewSubject.of(
                  "customer_contact",
                  List.of(Identity.name("Fay Ray"), Identity.email("fay@one.example"))),
              ReturningPerson.REFUSE);
      UUID two =
          fixture.vault.createSubject(
              SYSTEM,
              NewSubject.of(
                  "customer_contact",
                  List.of(Identity.name("Fay Ray"), Identity.email("fay@two.example"))),
              ReturningPerson.REFUSE);

      Map<UUID, Integer> matches =
          fixture.vault.matchDataPoints(
              SYSTEM, List.of(Identity.name("fay ray"), Identity.email("fay@two.example")));

      assertThat(matches).containsOnly(Map.entry(one, 1), Map.entry(two, 2));
    }
  }
}
