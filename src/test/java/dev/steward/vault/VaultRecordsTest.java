package dev.steward.vault;

import static dev.steward.vault.VaultFixture.SYSTEM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.error.ForbiddenException;
import dev.steward.error.InvalidInputException;
import dev.steward.principal.Permission;
import dev.steward.principal.Principal;
import dev.steward.principal.Role;
import dev.steward.store.Engine;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class VaultRecordsTest {

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void readRecords_withAPurpose_decryptsAndLeavesAnAuditEntryOfIdsOnly(Engine engine) {
    try (VaultFixture fixture = new VaultFixture(engine)) {
      UUID id = fixture.subjectWithEmail("ann@example.com");
      fixture.addRecords(id, "contact_details", "Ann Lee", "+44 20 3728 1161");

      List<RecordValue> records = fixture.vault.readRecords(SYSTEM, id, "rights_request");

      assertThat(records)
          .extracting(RecordValue::value)
          .containsExactlyInAnyOrder("Ann Lee", "+44 20 3728 1161");
      assertThat(records.get(0).provenance().purposes()).containsExactly("service");
      assertThat(fixture.audit.withAction("subject.read"))
          .singleElement()
          .satisfies(
              entry -> {
                assertThat(entry.objectId()).isEqualTo(id.toString());
                assertThat(entry.detail()).isEqualTo("purpose=rights_request records=2");
              });
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void readRecords_withoutAKnownPurpose_isRefusedAndReturnsNothing(Engine engine) {
    try (VaultFixture fixture = new VaultFixture(engine)) {
      UUID id = fixture.subjectWithEmail("ann@example.com");
      fixture.addRecords(id, "notes", "secret");

      assertThatThrownBy(() -> fixture.vault.readRecords(SYSTEM, id, null))
          .isInstanceOf(InvalidInputException.class);
      assertThatThrownBy(() -> fixture.vault.readRecords(SYSTEM, id, "curiosity"))
          .isInstanceOf(InvalidInputException.class);
      assertThat(fixture.audit.withAction("subject.read")).isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void readRecords_withoutThePermission_isForbiddenAndAudited(Engine engine) {
    try (VaultFixture fixture = new VaultFixture(engine)) {
      UUID id = fixture.subjectWithEmail("ann@example.com");
      Principal analyst =
          new Principal.Staff(UUID.randomUUID(), Role.ANALYST, Set.of(Permission.values()), null);

      assertThatThrownBy(() -> fixture.vault.readRecords(analyst, id, "service"))
          .isInstanceOf(ForbiddenException.class);
      assertThat(fixture.audit.withAction("subject.read"))
          .extracting(CollectingAuditTrail.Entry::outcome)
          .containsExactly("denied");
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void addRecords_aBatchAcrossSubjects_isOneTransactionWithOneAuditEntry(Engine engine) {
    try (VaultFixture fixture = new VaultFixture(engine)) {
      List<UUID> subjects = new ArrayList<>();
      List<NewRecord> batch = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        UUID id = fixture.subjectWithEmail("p" + i + "@example.com");
        subjects.add(id);
        batch.add(new NewRecord(id, "notes", VaultFixture.provenance("service"), "note " + i));
      }

      assertThat(fixture.vault.addRecords(SYSTEM, batch)).hasSize(50).doesNotHaveDuplicates();

      assertThat(fixture.audit.withAction("record.add"))
          .singleElement()
          .extracting(CollectingAuditTrail.Entry::detail)
          .isEqualTo("records=50 subjects=50");
      assertThat(fixture.values(subjects.get(7))).containsExactly("note 7");
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void addRecords_oneUnknownSubject_storesNoneOfTheBatch(Engine engine) {
    try (VaultFixture fixture = new VaultFixture(engine)) {
      UUID id = fixture.subjectWithEmail("ann@example.com");
      List<NewRecord> batch =
          List.of(
              new NewRecord(id, "notes", VaultFixture.provenance("service"), "kept?"),
              new NewRecord(UUID.randomUUID(), "notes", VaultFixture.provenance("service"), "x"));

      assertThatThrownBy(() -> fixture.vault.addRecords(SYSTEM, batch))
          .isInstanceOf(SubjectNotFoundException.class);
      assertThat(fixture.values(id)).isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void rectify_replacesTheValueAndRecordsWhoAndWhyButNotTheOldValue(Engine engine) {
    try (VaultFixture fixture = new VaultFixture(engine)) {
      UUID id = fixture.subjectWithEmail("ann@example.com");
      UUID record = fixture.addRecords(id, "contact_details", "Ann Leee").get(0);
      fixture.clock.advance(Duration.ofHours(1));

      fixture.vault.rectify(SYSTEM, record, "Ann Lee", "subject reported a typo");

      RecordValue value = fixture.vault.readRecords(SYSTEM, id, "service").get(0);
      assertThat(value.value()).isEqualTo("Ann Lee");
      assertThat(value.rectifiedAt()).isEqualTo(VaultFixture.START.plus(Duration.ofHours(1)));
      assertThat(fixture.audit.withAction("record.rectify"))
          .singleElement()
          .satisfies(
              entry -> {
                assertThat(entry.objectId()).isEqualTo(record.toString());
                assertThat(entry.actorId()).isEqualTo("test");
                assertThat(entry.detail()).doesNotContain("Ann");
              });
      List<String> history =
          fixture
              .store
              .jdbi()
              .withHandle(
                  handle ->
                      handle
                          .createQuery(
                              "select actor_type || '/' || actor_id || '/' || reason from vault_rectification")
                          .mapTo(String.class)
                          .list());
      assertThat(history).containsExactly("system/test/subject reported a typo");
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void ciphertext_movedToAnotherRow_doesNotDecrypt(Engine engine) {
    try (VaultFixture fixture = new VaultFixture(engine)) {
      UUID id = fixture.subjectWithEmail("ann@example.com");
      List<UUID> records = fixture.addRecords(id, "notes", "first", "second");
      fixture
          .store
          .jdbi()
          .useHandle(
              handle ->
                  handle
                      .createUpdate(
                          "update vault_record set value_ciphertext = (select value_ciphertext from vault_record"
                              + " where id = :from) where id = :to")
                      .bind("from", records.get(0))
                      .bind("to", records.get(1))
                      .execute());

      assertThatThrownBy(() -> fixture.values(id))
          .isInstanceOf(VaultCryptoException.class)
          .hasMessageContaining(records.get(1).toString());
    }
  }
}
