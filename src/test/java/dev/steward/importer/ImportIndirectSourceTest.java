package dev.steward.importer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.store.Engine;
import dev.steward.vault.Art14Notice;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** GDPR Art. 14: people imported from an indirect source are listed as owed a notice. */
class ImportIndirectSourceTest {
  static final String PARTNER_MAPPING =
      """
      subject_type: customer-contacts
      source: partners
      system: crm
      purposes: [relationship-admin]
      legal_basis: dpv:LegitimateInterest
      collected_at: obtained
      identities:
        email: email
      records:
        email: contact.email
      """;

  @AutoClose private ImportFixture fixture;

  List<Art14Notice> due() {
    return fixture.vault.art14Notices().dueWithin(ImportFixture.CLI, Duration.ofDays(90), 100);
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void importFromIndirectSource_listsEachPersonAsOwedANotice_dueAMonthAfterCollection(
      Engine engine) {
    fixture = new ImportFixture(engine);
    Path file =
        fixture.write(
            "partners.csv",
            "email,obtained\n"
                + "ann@example.com,2025-01-31\n"
                + "bea@example.com,2025-05-20T10:00:00Z\n"
                + "cy@example.com,\n");

    ImportReport report = fixture.run(file, PARTNER_MAPPING);

    assertThat(report.created()).isEqualTo(3);
    assertThat(due())
        .extracting(
            Art14Notice::subjectId,
            Art14Notice::source,
            Art14Notice::obtainedAt,
            Art14Notice::dueDate,
            Art14Notice::notifiedAt)
        .containsExactly(
            // GDPR Art. 14(3)(a): one month at the latest; 31 January runs to 28 February.
            org.assertj.core.groups.Tuple.tuple(
                fixture.subjectId("ann@example.com"),
                "partners",
                Instant.parse("2025-01-31T00:00:00Z"),
                LocalDate.parse("2025-02-28"),
                null),
            org.assertj.core.groups.Tuple.tuple(
                fixture.subjectId("bea@example.com"),
                "partners",
                Instant.parse("2025-05-20T10:00:00Z"),
                LocalDate.parse("2025-06-20"),
                null),
            // No collection date in the row: the data was obtained when it was imported.
            org.assertj.core.groups.Tuple.tuple(
                fixture.subjectId("cy@example.com"),
                "partners",
                Instant.parse("2025-06-01T09:00:00Z"),
                LocalDate.parse("2025-07-01"),
                null));
    assertThat(fixture.audit).anyMatch(entry -> entry.endsWith("art14Notices=3"));
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void personAlreadyOwedANotice_getsNoSecondOne_andDirectSourcesOweNone(Engine engine) {
    fixture = new ImportFixture(engine);
    fixture.run(
        fixture.write("first.csv", "email,obtained\nann@example.com,2025-05-01\n"),
        PARTNER_MAPPING);
    Path again =
        fixture.write(
            "again.csv",
            "email,obtained\nann@example.com,2025-05-10\nann@example.com,2025-05-02\n");

    ImportReport second = fixture.run(again, PARTNER_MAPPING);
    fixture.run(fixture.write("direct.csv", ImportTest.HEADER + ImportTest.rows(0, 5)));

    assertThat(second.updated()).isEqualTo(2);
    // GDPR Art. 14(5)(a): the person has the information already.
    assertThat(due())
        .singleElement()
        .satisfies(
            notice -> {
              assertThat(notice.subjectId()).isEqualTo(fixture.subjectId("ann@example.com"));
              assertThat(notice.dueDate()).isEqualTo(LocalDate.parse("2025-06-01"));
            });
    assertThat(fixture.count("art14_notice")).isEqualTo(1);
  }
}
