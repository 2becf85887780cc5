package dev.steward.vault;

import static dev.steward.vault.VaultFixture.SYSTEM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.store.Engine;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ErasureTest {

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void erase_leavesATombstoneAndNothingReadable(Engine engine) {
    try (VaultFixture fixture = new VaultFixture(engine)) {
      UUID id = fixture.subjectWithEmail("ann@example.com");
      fixture.addRecords(id, "notes", "a note");

      Tombstone tombstone = fixture.vault.erase(SYSTEM, id, "erasure request", "REQ-7", List.of());

      assertThat(tombstone.completedAt()).isEqualTo(VaultFixture.START);
      assertThat(tombstone.requestId()).isEqualTo("REQ-7");
      assertThatThrownBy(() -> fixture.values(id)).isInstanceOf(SubjectNotFoundException.class);
      assertThatThrownBy(() -> fixture.keyring.subjectKey(id))
          .isInstanceOf(KeyDestroyedException.class);
      for (String table : List.of("vault_subject", "vault_identity", "vault_record")) {
        long rows =
            fixture
                .store
                .jdbi()
                .withHandle(
                    handle ->
                        handle
                            .createQuery("select count(*) from " + table)
                            .mapTo(Long.class)
                            .one());
        assertThat(rows).as(table).isZero();
      }
      assertThat(fixture.audit.withAction("subject.erase"))
          .extracting(CollectingAuditTrail.Entry::outcome)
          .containsExactly("started", "ok");
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void erasedIdentity_comingBack_isReportedAsAReturningPerson(Engine engine) {
    try (VaultFixture fixture = new VaultFixture(engine)) {
      UUID id = fixture.subjectWithEmail("ann@example.com");
      fixture.vault.erase(SYSTEM, id, "erasure request", "REQ-7", List.of());

      IdentityMatch match = fixture.vault.findByIdentity(SYSTEM, Identity.email("ANN@example.com"));

      assertThat(match).isEqualTo(new IdentityMatch.Erased(id, VaultFixture.START, "REQ-7"));
      assertThatThrownBy(() -> fixture.subjectWithEmail("ann@example.com"))
          .isInstanceOf(ReturningPersonException.class)
          .hasMessageStartingWith("returning person (erased on 2025-03-01T10:00:00Z)");
      UUID returned =
          fixture.vault.createSubject(
              SYSTEM,
              NewSubject.of("customer_contact", List.of(Identity.email("ann@example.com"))),
              ReturningPerson.WELCOME);
      assertThat(fixture.vault.findByIdentity(SYSTEM, Identity.email("ann@example.com")))
          .isEqualTo(new IdentityMatch.Found(returned));
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void erase_calledAgain_returnsTheSameTombstone(Engine engine) {
    try (VaultFixture fixture = new VaultFixture(engine)) {
      UUID id = fixture.subjectWithEmail("ann@example.com");
      Tombstone first = fixture.vault.erase(SYSTEM, id, "erasure request", "REQ-7", List.of());
      fixture.clock.advance(Duration.ofDays(1));

      assertThat(fixture.vault.erase(SYSTEM, id, "erasure request", "REQ-7", List.of()))
          .isEqualTo(first);
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void erase_interruptedAfterTheKeyWasDestroyed_completesWhenRunAgain(Engine engine) {
    try (VaultFixture fixture = new VaultFixture(engine)) {
      UUID id = fixture.subjectWithEmail("ann@example.com");
      fixture.addRecords(id, "notes", "a note");
      Instant expiry = VaultFixture.START.plus(Duration.ofDays(365));
      fixture.addRecords(id, "invoices", "invoice 1");
      // The last step's transaction fails once the key is gone, as a crash before it commits
      // would: its audit entry is written in that transaction.
      CollectingAuditTrail failing =
          new CollectingAuditTrail() {
            @Override
            public void record(
                org.jdbi.v3.core.Handle handle,
                dev.steward.principal.Principal actor,
                String action,
                String type,
                String objectId,
                String outcome,
                String detail) {
              if ("ok".equals(outcome) && action.equals("subject.erase")) {
                throw new IllegalStateException("crash");
              }
              super.record(handle, actor, action, type, objectId, outcome, detail);
            }
          };
      Vault crashing =
          new Vault(
              fixture.store,
              fixture.keyring,
              new IdentityIndex(fixture.indexKey, new IdentityNormalizer("GB")),
              VaultFixture.VOCABULARY,
              failing,
              fixture.clock);
      List<KeepUnderExemption> keep =
          List.of(
              new KeepUnderExemption(ExemptionGround.LEGAL_OBLIGATION, Set.of("invoices"), expiry));

      assertThatThrownBy(() -> crashing.erase(SYSTEM, id, "erasure request", "REQ-7", keep))
          .hasMessage("crash");
      assertThat(fixture.vault.findByIdentity(SYSTEM, Identity.email("ann@example.com")))
          .isEqualTo(new IdentityMatch.Found(id));

      Tombstone done = fixture.vault.erase(SYSTEM, id, "erasure request", "REQ-7", keep);

      assertThat(done.completedAt()).isNotNull();
      assertThat(fixture.vault.readKept(SYSTEM, id, "accounting"))
          .extracting(kept -> kept.record().value())
          .containsExactly("invoice 1");
      assertThat(fixture.vault.findByIdentity(SYSTEM, Identity.email("ann@example.com")))
          .isInstanceOf(IdentityMatch.Erased.class);
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void exemption_keepsItsItemsUntilItExpiresThenDestroysThem(Engine engine) {
    try (VaultFixture fixture = new VaultFixture(engine)) {
      UUID id = fixture.subjectWithEmail("ann@example.com");
      fixture.addRecords(id, "invoices", "invoice 1", "invoice 2");
      fixture.addRecords(id, "notes", "a note");
      Instant expiry = VaultFixture.START.plus(Duration.ofDays(6 * 365));

      fixture.vault.erase(
          SYSTEM,
          id,
          "erasure request",
          "REQ-7",
          List.of(
              new KeepUnderExemption(
                  ExemptionGround.LEGAL_OBLIGATION, Set.of("invoices"), expiry)));

      assertThat(fixture.vault.readKept(SYSTEM, id, "accounting"))
          .allSatisfy(
              kept -> {
                assertThat(kept.ground()).isEqualTo(ExemptionGround.LEGAL_OBLIGATION);
                assertThat(kept.expiresAt()).isEqualTo(expiry);
              })
          .extracting(kept -> kept.record().value())
          .containsExactlyInAnyOrder("invoice 1", "invoice 2");
      fixture.clock.advance(Duration.ofDays(6 * 365 - 1));
      assertThat(fixture.vault.releaseExpiredExemptions(SYSTEM)).isZero();

      fixture.clock.advance(Duration.ofDays(1));
      assertThat(fixture.vault.releaseExpiredExemptions(SYSTEM)).isEqualTo(1);

      assertThat(fixture.vault.readKept(SYSTEM, id, "accounting")).isEmpty();
      assertThatThrownBy(() -> fixture.keyring.loadExemptionKey(id, "legal_obligation"))
          .isInstanceOf(KeyDestroyedException.class);
      long rows =
          fixture
              .store
              .jdbi()
              .withHandle(
                  handle ->
                      handle
                          .createQuery("select count(*) from vault_exempt_record")
                          .mapTo(Long.class)
                          .one());
      assertThat(rows).isZero();
      assertThat(fixture.audit.withAction("exemption.expire"))
          .singleElement()
          .extracting(CollectingAuditTrail.Entry::detail)
          .isEqualTo("ground=legal_obligation");
    }
  }
}
