package dev.steward.vault;

import static dev.steward.vault.VaultFixture.SYSTEM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.error.InvalidInputException;
import dev.steward.store.Engine;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class VaultSubjectsTest {

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void findByIdentity_anotherSpellingOfTheSameEmail_findsTheSubject(Engine engine) {
    try (VaultFixture fixture = new VaultFixture(engine)) {
      UUID id = fixture.subjectWithEmail("Ann.Lee@Bücher.example");

      IdentityMatch match =
          fixture.vault.findByIdentity(SYSTEM, Identity.email(" ann.lee@xn--bcher-kva.EXAMPLE "));

      assertThat(match).isEqualTo(new IdentityMatch.Found(id));
      assertThat(fixture.vault.findByIdentity(SYSTEM, Identity.email("bob@example.com")))
          .isInstanceOf(IdentityMatch.None.class);
      assertThat(fixture.audit.withAction("subject.find"))
          .extracting(CollectingAuditTrail.Entry::outcome)
          .containsExactly("found", "none");
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void findByIdentity_phoneInNationalForm_matchesTheInternationalOne(Engine engine) {
    try (VaultFixture fixture = new VaultFixture(engine)) {
      UUID id =
          fixture.vault.createSubject(
              SYSTEM,
              NewSubject.of("customer_contact", List.of(Identity.phone("+44 20 3728 1161"))),
              ReturningPerson.REFUSE);

      assertThat(fixture.vault.findByIdentity(SYSTEM, Identity.phone("020 3728 1161")))
          .isEqualTo(new IdentityMatch.Found(id));
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void identities_areStoredAsKeyedHashesInAnIndexedColumn(Engine engine) {
    try (VaultFixture fixture = new VaultFixture(engine)) {
      UUID id = fixture.subjectWithEmail("ann@example.com");
      Subject subject = fixture.vault.subject(SYSTEM, id);
      String expected =
          new IdentityIndex(fixture.indexKey, new IdentityNormalizer("GB"))
              .hashNormalized(IdentityType.EMAIL, "ann@example.com");

      assertThat(subject.identities())
          .containsExactly(new Subject.IdentityRef("email", expected, "staff"));
      assertThat(expected).matches("[0-9a-f]{64,}");
      String otherKey =
          new IdentityIndex(VaultFixture.newIndexKey(), new IdentityNormalizer("GB"))
              .hashNormalized(IdentityType.EMAIL, "ann@example.com");
      assertThat(otherKey).isNotEqualTo(expected);
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void addIdentities_sameIdentityTwice_isKeptOnce(Engine engine) {
    try (VaultFixture fixture = new VaultFixture(engine)) {
      UUID id = fixture.subjectWithEmail("ann@example.com");

      fixture.vault.addIdentities(
          SYSTEM,
          id,
          List.of(
              Identity.email("ANN@example.com"),
              Identity.name("Ann Lee"),
              Identity.name("ann  lee")),
          ReturningPerson.REFUSE);

      assertThat(fixture.vault.subject(SYSTEM, id).identities())
          .extracting(Subject.IdentityRef::type)
          .containsExactly("email", "name");
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void addIdentities_identityOfAnotherSubject_isAConflictNamingIt(Engine engine) {
    try (VaultFixture fixture = new VaultFixture(engine)) {
      UUID ann = fixture.subjectWithEmail("ann@example.com");
      UUID other = fixture.subjectWithEmail("other@example.com");

      assertThatThrownBy(
              () ->
                  fixture.vault.addIdentities(
                      SYSTEM,
                      other,
                      List.of(Identity.email("ann@example.com")),
                      ReturningPerson.REFUSE))
          .isInstanceOfSatisfying(
              IdentityConflictException.class, e -> assertThat(e.otherSubjectId()).isEqualTo(ann))
          .hasMessageNotContaining("ann@");
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void createSubject_badInput_listsEveryProblemAndChangesNothing(Engine engine) {
    try (VaultFixture fixture = new VaultFixture(engine)) {
      NewSubject bad =
          new NewSubject(
              "alien",
              LocalDate.of(2025, 2, 1),
              LocalDate.of(2025, 1, 1),
              null,
              null,
              List.of(
                  Identity.email("not-an-email"),
                  new Identity(IdentityType.of("shoe_size"), "42")));

      assertThatThrownBy(() -> fixture.vault.createSubject(SYSTEM, bad, ReturningPerson.REFUSE))
          .isInstanceOfSatisfying(
              InvalidInputException.class,
              e ->
                  assertThat(e.problems())
                      .extracting(InvalidInputException.FieldProblem::field)
                      .containsExactlyInAnyOrder(
                          "subjectType",
                          "relationshipEnd",
                          "identities/0/value",
                          "identities/1/type"))
          .hasMessageNotContaining("not-an-email");
      long subjects =
          fixture
              .store
              .jdbi()
              .withHandle(
                  handle ->
                      handle
                          .createQuery("select count(*) from vault_subject")
                          .mapTo(Long.class)
                          .one());
      assertThat(subjects).isZero();
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void createSubject_dateOfBirth_isAnEncryptedRecordAndUnder13IsPlain(Engine engine) {
    try (VaultFixture fixture = new VaultFixture(engine)) {
      NewSubject child =
          new NewSubject(
              "customer_contact",
              LocalDate.of(2024, 5, 1),
              null,
              true,
              new NewSubject.DateOfBirth(
                  LocalDate.of(2015, 6, 30), "date_of_birth", VaultFixture.provenance("service")),
              List.of(new Identity(IdentityType.of("loyalty_card"), "LC-991")));

      UUID id = fixture.vault.createSubject(SYSTEM, child, ReturningPerson.REFUSE);

      Subject subject = fixture.vault.subject(SYSTEM, id);
      assertThat(subject.under13()).isTrue();
      assertThat(subject.relationshipStart()).isEqualTo(LocalDate.of(2024, 5, 1));
      assertThat(fixture.vault.readRecords(SYSTEM, id, "service"))
          .singleElement()
          .satisfies(
              record -> {
                assertThat(record.category()).isEqualTo("date_of_birth");
                assertThat(record.value()).isEqualTo("2015-06-30");
              });
    }
  }
}
