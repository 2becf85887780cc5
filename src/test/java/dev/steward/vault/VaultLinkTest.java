package dev.steward.vault;

import static dev.steward.vault.VaultFixture.SYSTEM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.error.NotFoundException;
import dev.steward.store.Engine;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class VaultLinkTest {

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void link_twoSubjectsOfOnePerson_mergesEverythingIntoTheSurvivor(Engine engine) {
    try (VaultFixture fixture = new VaultFixture(engine)) {
      UUID survivor = fixture.subjectWithEmail("ann@example.com");
      UUID merged = fixture.subjectWithEmail("ann.lee@work.example");
      fixture.addRecords(survivor, "notes", "from the shop");
      fixture.addRecords(merged, "notes", "from the newsletter", "from support");

      fixture.vault.link(SYSTEM, survivor, merged);

      assertThat(fixture.values(survivor))
          .containsExactlyInAnyOrder("from the shop", "from the newsletter", "from support");
      assertThat(fixture.vault.findByIdentity(SYSTEM, Identity.email("ann.lee@work.example")))
          .isEqualTo(new IdentityMatch.Found(survivor));
      assertThat(fixture.vault.subject(SYSTEM, merged).id()).isEqualTo(survivor);
      assertThatThrownBy(() -> fixture.keyring.subjectKey(merged))
          .isInstanceOf(KeyDestroyedException.class);
      assertThat(fixture.audit.withAction("subject.link"))
          .singleElement()
          .extracting(CollectingAuditTrail.Entry::detail)
          .isEqualTo(
              "merged=" + merged + " mergedType=customer_contact records=2 identities=1 by=staff");
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void link_recordsOfTheMergedSubject_areResealedUnderTheSurvivorsKey(Engine engine) {
    try (VaultFixture fixture = new VaultFixture(engine)) {
      UUID survivor = fixture.subjectWithEmail("ann@example.com");
      UUID merged = fixture.subjectWithEmail("ann.lee@work.example");
      UUID record = fixture.addRecords(merged, "notes", "moved").get(0);

      fixture.vault.link(SYSTEM, survivor, merged);

      byte[] sealed =
          fixture
              .store
              .jdbi()
              .withHandle(
                  handle ->
                      handle
                          .createQuery("select value_ciphertext from vault_record where id = :id")
                          .bind("id", record)
                          .mapTo(byte[].class)
                          .one());
      assertThat(
              RecordCipher.decrypt(fixture.keyring.subjectKey(survivor), record, survivor, sealed))
          .isEqualTo("moved");
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void unlink_anIdentityAndItsRecords_moveToANewSubjectWithNothingLost(Engine engine) {
    try (VaultFixture fixture = new VaultFixture(engine)) {
      UUID shared = fixture.subjectWithEmail("ann@example.com");
      fixture.vault.addIdentities(
          SYSTEM, shared, List.of(Identity.email("bob@example.com")), ReturningPerson.REFUSE);
      fixture.addRecords(shared, "notes", "ann's note");
      UUID bobsNote = fixture.addRecords(shared, "notes", "bob's note").get(0);

      UUID bob =
          fixture.vault.unlink(SYSTEM, shared, Identity.email("Bob@Example.com"), Set.of(bobsNote));

      assertThat(fixture.values(shared)).containsExactly("ann's note");
      assertThat(fixture.values(bob)).containsExactly("bob's note");
      assertThat(fixture.vault.findByIdentity(SYSTEM, Identity.email("bob@example.com")))
          .isEqualTo(new IdentityMatch.Found(bob));
      assertThat(fixture.vault.findByIdentity(SYSTEM, Identity.email("ann@example.com")))
          .isEqualTo(new IdentityMatch.Found(shared));
      assertThat(fixture.audit.withAction("subject.unlink"))
          .singleElement()
          .extracting(CollectingAuditTrail.Entry::detail)
          .isEqualTo("new=" + bob + " records=1");
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void unlink_identityOfSomeoneElse_changesNothing(Engine engine) {
    try (VaultFixture fixture = new VaultFixture(engine)) {
      UUID ann = fixture.subjectWithEmail("ann@example.com");
      fixture.subjectWithEmail("bob@example.com");

      assertThatThrownBy(
              () -> fixture.vault.unlink(SYSTEM, ann, Identity.email("bob@example.com"), Set.of()))
          .isInstanceOf(NotFoundException.class);
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
      long keys =
          fixture
              .keyringDatabase
              .jdbi()
              .withHandle(
                  handle ->
                      handle.createQuery("select count(*) from data_key").mapTo(Long.class).one());
      assertThat(subjects).isEqualTo(2);
      assertThat(keys).isEqualTo(2);
    }
  }
}
