package dev.steward.vault;

import static dev.steward.vault.VaultFixture.SYSTEM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.error.ForbiddenException;
import dev.steward.error.InvalidInputException;
import dev.steward.principal.Principal;
import dev.steward.principal.Role;
import dev.steward.store.Engine;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The disclosure log on both engines: batches, per-subject and per-recipient reads, refusals. */
class DisclosuresTest {
  private static final Instant SENT = Instant.parse("2025-02-10T09:30:00Z");

  private static NewDisclosure toMailProvider(UUID subject, Instant at) {
    return new NewDisclosure(
        subject,
        "mail_provider",
        Set.of("contact_details"),
        at,
        "marketing",
        "dpv:Consent",
        "monthly newsletter");
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void record_batch_isListedPerSubjectAndPerRecipientWithOneAuditEntry(Engine engine) {
    try (VaultFixture fixture = new VaultFixture(engine)) {
      UUID ann = fixture.subjectWithEmail("ann@example.com");
      UUID bob = fixture.subjectWithEmail("bob@example.com");
      Disclosures log = fixture.vault.disclosures();
      int auditBefore = fixture.audit.entries.size();

      List<UUID> ids =
          log.record(
              SYSTEM,
              List.of(
                  toMailProvider(ann, SENT),
                  toMailProvider(bob, SENT.plusSeconds(60)),
                  new NewDisclosure(
                      ann,
                      "auditors",
                      Set.of("invoices"),
                      SENT.plusSeconds(120),
                      "accounting",
                      "dpv:LegalObligation",
                      null)));

      assertThat(ids).hasSize(3);
      assertThat(fixture.audit.entries.size() - auditBefore).isEqualTo(1);
      assertThat(log.ofSubject(SYSTEM, ann))
          .extracting(Disclosure::recipient, Disclosure::categories)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("mail_provider", List.of("contact_details")),
              org.assertj.core.groups.Tuple.tuple("auditors", List.of("invoices")));
      assertThat(log.toRecipient(SYSTEM, "mail_provider", SENT, SENT.plusSeconds(3600), 100))
          .extracting(Disclosure::subjectId)
          .containsExactly(ann, bob);
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void ofSubject_afterMerge_includesTheMergedSubjectsDisclosures(Engine engine) {
    try (VaultFixture fixture = new VaultFixture(engine)) {
      UUID survivor = fixture.subjectWithEmail("ann@example.com");
      UUID merged = fixture.subjectWithEmail("ann.work@example.com");
      fixture.vault.disclosures().record(SYSTEM, List.of(toMailProvider(merged, SENT)));

      fixture.vault.link(SYSTEM, survivor, merged);

      assertThat(fixture.vault.disclosures().ofSubject(SYSTEM, survivor))
          .extracting(Disclosure::subjectId)
          .containsExactly(merged);
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void record_recipientNotInPolicy_isRefusedNamingTheFieldAndStoresNothing(Engine engine) {
    try (VaultFixture fixture = new VaultFixture(engine)) {
      UUID ann = fixture.subjectWithEmail("ann@example.com");
      NewDisclosure unknown =
          new NewDisclosure(
              ann, "data_broker", Set.of("contact_details"), SENT, "marketing", "dpv:Consent", "");

      assertThatThrownBy(
              () ->
                  fixture
                      .vault
                      .disclosures()
                      .record(SYSTEM, List.of(toMailProvider(ann, SENT), unknown)))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("disclosures/1/recipient not a known recipient");
      assertThat(fixture.vault.disclosures().ofSubject(SYSTEM, ann)).isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void ofSubject_withoutSubjectRead_isForbiddenAndAudited(Engine engine) {
    try (VaultFixture fixture = new VaultFixture(engine)) {
      UUID ann = fixture.subjectWithEmail("ann@example.com");
      Principal analyst =
          new Principal.Staff(UUID.randomUUID(), Role.ANALYST, Role.ANALYST.permissions(), null);

      assertThatThrownBy(() -> fixture.vault.disclosures().ofSubject(analyst, ann))
          .isInstanceOf(ForbiddenException.class);
      assertThat(fixture.audit.withAction("disclosure.list"))
          .extracting(CollectingAuditTrail.Entry::outcome)
          .containsExactly("denied");
    }
  }
}
