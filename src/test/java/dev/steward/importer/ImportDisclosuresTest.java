package dev.steward.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

import dev.steward.error.InvalidInputException;
import dev.steward.store.Engine;
import dev.steward.vault.Disclosure;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Disclosures a mapping declares are recorded for every imported person, batch by batch. */
class ImportDisclosuresTest {
  static final Instant MIGRATED = Instant.parse("2025-04-01T00:00:00Z");
  static final String MAPPING =
      """
      subject_type: customer-contacts
      source: customers
      system: crm
      purposes: [relationship-admin]
      legal_basis: dpv:Contract
      identities:
        email: email
      records:
        email: contact.email
        phone: contact.phone
      disclosures:
        - recipient: it-providers
          categories: [contact.email, contact.phone]
          purpose: relationship-admin
          reason: CRM hosted by the provider
          disclosed_at: 2025-04-01
        - recipient: group-companies
          categories: [contact.email]
          purpose: marketing
          legal_basis: dpv:LegitimateInterest
          disclosed_at_column: shared_on
      """;
  static final String HEADER = "email,phone,shared_on\n";

  @AutoClose private ImportFixture fixture;

  List<Disclosure> of(String email) {
    return fixture.vault.disclosures().ofSubject(ImportFixture.CLI, fixture.subjectId(email));
  }

  long audited(String action) {
    return fixture.audit.stream().filter(entry -> entry.startsWith(action + " ")).count();
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void importedRows_haveTheDeclaredDisclosuresListed_withOneAuditEntryPerBatch(Engine engine) {
    fixture = new ImportFixture(engine);
    Path file =
        fixture.write(
            "people.csv",
            HEADER
                + "ann@example.com,+44 7400 000001,2025-03-15T10:00:00Z\n"
                + "bea@example.com,+44 7400 000002,\n"
                + "not-an-email,+44 7400 000003,2025-03-15\n"
                + "cy@example.com,,2025-03-16\n");

    ImportReport report = fixture.run(file, MAPPING, ImportOptions.defaults(file).withBatchSize(2));

    assertThat(report.created()).isEqualTo(3);
    assertThat(of("ann@example.com"))
        .extracting(
            Disclosure::recipient,
            Disclosure::categories,
            Disclosure::disclosedAt,
            Disclosure::purpose,
            Disclosure::legalBasis,
            Disclosure::reason)
        .containsExactly(
            tuple(
                "group-companies",
                List.of("contact.email"),
                Instant.parse("2025-03-15T10:00:00Z"),
                "marketing",
                "dpv:LegitimateInterest",
                null),
            tuple(
                "it-providers",
                List.of("contact.email", "contact.phone"),
                MIGRATED,
                "relationship-admin",
                "dpv:Contract",
                "CRM hosted by the provider"));
    // An empty date cell: this person's data did not go to that recipient.
    assertThat(of("bea@example.com"))
        .extracting(Disclosure::recipient)
        .containsExactly("it-providers");
    assertThat(
            fixture
                .vault
                .disclosures()
                .toRecipient(
                    ImportFixture.CLI,
                    "group-companies",
                    Instant.EPOCH,
                    Instant.parse("2030-01-01T00:00:00Z"),
                    100))
        .extracting(Disclosure::subjectId)
        .containsExactly(fixture.subjectId("ann@example.com"), fixture.subjectId("cy@example.com"));
    assertThat(fixture.count("vault_disclosure")).isEqualTo(5);
    assertThat(audited("subject.import")).isEqualTo(2);
    assertThat(audited("disclosure.record")).isEqualTo(2);
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void interruptedImport_resumes_withoutLosingOrRepeatingDisclosures(Engine engine) {
    fixture = new ImportFixture(engine);
    StringBuilder text = new StringBuilder(HEADER);
    for (int i = 0; i < 7; i++) {
      text.append("person").append(i).append("@example.com,,2025-03-0").append(i + 1).append('\n');
    }
    Path file = fixture.write("people.csv", text.toString());
    ImportOptions options = ImportOptions.defaults(file).withBatchSize(3);

    ImportReport first = fixture.run(file, MAPPING, options.withMaxBatches(1));
    ImportReport second = fixture.run(file, MAPPING, options);

    assertThat(first.finished()).isFalse();
    assertThat(second.finished()).isTrue();
    assertThat(fixture.count("vault_disclosure")).isEqualTo(14);
    assertThat(of("person6@example.com"))
        .extracting(Disclosure::disclosedAt)
        .containsExactly(Instant.parse("2025-03-07T00:00:00Z"), MIGRATED);
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void unreadableDisclosureDate_rejectsTheRow_andNothingOfItIsStored(Engine engine) {
    fixture = new ImportFixture(engine);
    Path file =
        fixture.write(
            "people.csv",
            HEADER + "ann@example.com,,2025-02-30\n" + "bea@example.com,,2025-03-01\n");

    ImportReport report = fixture.run(file, MAPPING);

    assertThat(report.created()).isEqualTo(1);
    assertThat(fixture.rejects(file))
        .containsExactly("line,reason,column", "2,invalid-date,\"shared_on\"");
    assertThat(fixture.count("vault_disclosure")).isEqualTo(2);
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void disclosureDateColumnMissingFromTheHeader_isLocatedInTheMapping(Engine engine) {
    fixture = new ImportFixture(engine);
    Path file = fixture.write("people.csv", "email,phone\nann@example.com,\n");

    InvalidInputException invalid =
        catchThrowableOfType(InvalidInputException.class, () -> fixture.run(file, MAPPING));

    assertThat(invalid.getMessage())
        .contains(".yaml:21:26: column 'shared_on' is not in the header of");
    assertThat(fixture.count("vault_subject")).isZero();
  }
}
