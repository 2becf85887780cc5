package dev.steward.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.steward.store.Engine;
import dev.steward.vault.Identity;
import dev.steward.vault.IdentityMatch;
import dev.steward.vault.RecordValue;
import dev.steward.vault.ReturningPerson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ImportTest {
  static final String HEADER = "email,phone,name,since\n";
  @AutoClose private ImportFixture fixture;

  static String row(int i) {
    return "person"
        + i
        + "@example.com,+44 7400 "
        + String.format("%06d", i)
        + ",Person "
        + i
        + ",2020-01-0"
        + (1 + i % 9)
        + "\n";
  }

  static String rows(int from, int to) {
    StringBuilder text = new StringBuilder();
    for (int i = from; i < to; i++) {
      text.append(row(i));
    }
    return text.toString();
  }

  IdentityMatch find(String email) {
    return fixture.vault.findByIdentity(ImportFixture.CLI, Identity.email(email));
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void brokenRows_areRejectedWithReasons_andTheRestImported(Engine engine) throws IOException {
    fixture = new ImportFixture(engine);
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    file.write((HEADER + row(1)).getBytes(StandardCharsets.UTF_8)); // line 2
    file.write("not-an-email,+44 7400 000002,Two,2020-01-01\n".getBytes(StandardCharsets.UTF_8));
    file.write("person3@example.com,+44 7400 000003\n".getBytes(StandardCharsets.UTF_8));
    file.write("person4@example.com,+44 7400 000004,Bad ".getBytes(StandardCharsets.UTF_8));
    file.write(new byte[] {(byte) 0xC3, (byte) 0x28}); // an invalid two-byte sequence
    file.write(",2020-01-01\n".getBytes(StandardCharsets.UTF_8));
    file.write("person6@example.com,+44 7400 000006,\"".getBytes(StandardCharsets.UTF_8));
    file.write("x".repeat(10 * 1024 * 1024).getBytes(StandardCharsets.UTF_8));
    file.write("\",2020-01-01\n".getBytes(StandardCharsets.UTF_8));
    file.write(
        (row(7) + "person8@example.com,+44 7400 000008,Eight,2020-13-45\n" + row(9))
            .getBytes(StandardCharsets.UTF_8));
    Path path = fixture.write("broken.csv", file.toByteArray());

    ImportReport report = fixture.run(path);

    assertThat(report.created()).isEqualTo(3);
    assertThat(report.rejected()).isEqualTo(5);
    assertThat(fixture.rejects(path))
        .containsExactly(
            "line,reason,column",
            "3,invalid-email,\"email\"",
            "4,wrong-column-count,",
            "5,invalid-utf8,\"name\"",
            "6,field-too-long,\"name\"",
            "8,invalid-date,\"since\"");
    for (int i : new int[] {1, 7, 9}) {
      assertThat(find("person" + i + "@example.com")).isInstanceOf(IdentityMatch.Found.class);
    }
    assertThat(find("person4@example.com")).isInstanceOf(IdentityMatch.None.class);
    assertThat(fixture.count("vault_record")).isEqualTo(9);
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void gzipInput_isToldByItsMagicBytes_notItsName(Engine engine) throws IOException {
    fixture = new ImportFixture(engine);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
      gzip.write((HEADER + rows(0, 25)).getBytes(StandardCharsets.UTF_8));
    }
    Path path = fixture.write("people.csv", bytes.toByteArray());

    ImportReport report = fixture.run(path);

    assertThat(report.created()).isEqualTo(25);
    assertThat(find("person24@example.com")).isInstanceOf(IdentityMatch.Found.class);
  }

  @org.junit.jupiter.api.Test
  void progressOnGzipInput_followsTheRowsImported_notTheDecompressorsReadAhead()
      throws IOException {
    fixture = new ImportFixture(Engine.H2);
    int total = 4_000;
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
      gzip.write((HEADER + rows(0, total)).getBytes(StandardCharsets.UTF_8));
    }
    Path path = fixture.write("people.csv.gz", bytes.toByteArray());
    List<double[]> updates = new java.util.ArrayList<>();

    fixture.importer.run(
        ImportFixture.CLI,
        path,
        fixture.mapping(ImportFixture.MAPPING),
        ImportOptions.defaults(path).withBatchSize(250),
        (rows, read, size) ->
            updates.add(new double[] {(double) rows / total, (double) read / size}));

    assertThat(updates).hasSizeGreaterThan(10);
    // The share of the file read stays within a few points of the share of rows imported: it
    // neither jumps ahead at the start nor sits at 100% long before the end.
    for (double[] update : updates) {
      assertThat(update[1]).as("rows %.3f", update[0]).isCloseTo(update[0], within(0.05));
    }
    assertThat(updates.get(updates.size() - 1)[1]).isCloseTo(1.0, within(0.01));
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void jsonLines_importObjects_andRejectBrokenLines(Engine engine) {
    fixture = new ImportFixture(engine);
    String text =
        """
        {"email": "a@example.com", "phone": "+44 7400 000001", "name": "Ann", "since": "2021-02-03"}
        {"email": "b@example.com", "name": "Bea"

        {"email": ["c@example.com"], "name": "Cy"}
        [1, 2]
        {"email": "d@example.com", "extra": {"nested": true}}
        """;
    Path path = fixture.write("people.jsonl", text);

    ImportReport report = fixture.run(path);

    assertThat(report.created()).isEqualTo(2);
    assertThat(fixture.rejects(path))
        .containsExactly(
            "line,reason,column",
            "2,malformed-json,",
            "4,not-a-scalar,\"email\"",
            "5,not-a-json-object,");
    UUID ann = ((IdentityMatch.Found) find("a@example.com")).subjectId();
    assertThat(fixture.vault.readRecords(ImportFixture.CLI, ann, "relationship-admin"))
        .extracting(RecordValue::value)
        .containsExactlyInAnyOrder("a@example.com", "+44 7400 000001", "Ann");
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void interruptedImport_resumesFromItsCheckpoint_withoutDuplicates(Engine engine) {
    fixture = new ImportFixture(engine);
    Path path = fixture.write("people.csv", HEADER + rows(0, 10) + "broken\n" + rows(10, 20));
    ImportOptions options = ImportOptions.defaults(path).withBatchSize(4);

    ImportReport first = fixture.run(path, options.withMaxBatches(2));
    ImportReport second = fixture.run(path, options);
    ImportReport third = fixture.run(path, options);

    assertThat(first.finished()).isFalse();
    assertThat(first.created()).isEqualTo(8);
    assertThat(second.resumedAfterLine()).isEqualTo(9);
    assertThat(second.finished()).isTrue();
    assertThat(second.created()).isEqualTo(20);
    assertThat(second.rejected()).isEqualTo(1);
    assertThat(third.alreadyFinished()).isTrue();
    assertThat(fixture.count("vault_subject")).isEqualTo(20);
    assertThat(fixture.count("vault_identity")).isEqualTo(60);
    assertThat(fixture.count("vault_record")).isEqualTo(60);
    assertThat(fixture.rejects(path))
        .containsExactly("line,reason,column", "12,wrong-column-count,");
    assertThat(fixture.audit.stream().filter(e -> e.startsWith("subject.import"))).hasSize(6);
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void returningErasedPerson_isRejected_unlessWelcomed(Engine engine) {
    fixture = new ImportFixture(engine);
    fixture.run(fixture.write("first.csv", HEADER + rows(0, 3)));
    UUID erased = ((IdentityMatch.Found) find("person1@example.com")).subjectId();
    fixture.vault.erase(ImportFixture.CLI, erased, "erasure request", "req-1", List.of());
    Path again = fixture.write("again.csv", HEADER + rows(1, 2) + row(5));

    ImportReport refused = fixture.run(again);

    assertThat(refused.created()).isEqualTo(1);
    assertThat(fixture.rejects(again))
        .containsExactly("line,reason,column", "2,erased-subject-returned,\"email\"");
    assertThat(find("person1@example.com")).isInstanceOf(IdentityMatch.Erased.class);

    Path welcome = fixture.write("welcome.csv", HEADER + rows(1, 2));
    ImportReport welcomed =
        fixture.run(
            welcome, ImportOptions.defaults(welcome).withReturning(ReturningPerson.WELCOME));

    assertThat(welcomed.created()).isEqualTo(1);
    assertThat(((IdentityMatch.Found) find("person1@example.com")).subjectId())
        .isNotEqualTo(erased);
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void rowOfAKnownPerson_addsToThatSubject_andConflictingRowsAreRejected(Engine engine) {
    fixture = new ImportFixture(engine);
    fixture.run(fixture.write("first.csv", HEADER + rows(0, 2)));
    Path later =
        fixture.write(
            "later.csv",
            HEADER
                + "person0@example.com,+44 7400 000099,,\n"
                + "person1@example.com,+44 7400 000099,,\n"
                + "new@example.com,+44 7400 000000,,\n");

    ImportReport report = fixture.run(later);

    assertThat(report.updated()).isEqualTo(2);
    assertThat(report.rejected()).isEqualTo(1);
    assertThat(fixture.rejects(later))
        .containsExactly("line,reason,column", "3,identity-conflict,");
    UUID person0 = ((IdentityMatch.Found) find("person0@example.com")).subjectId();
    assertThat(find("new@example.com")).isEqualTo(new IdentityMatch.Found(person0));
    assertThat(fixture.vault.readRecords(ImportFixture.CLI, person0, "relationship-admin"))
        .extracting(RecordValue::value)
        .contains("+44 7400 000099", "new@example.com");
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void importedValues_neverReachTheLogs(Engine engine) {
    fixture = new ImportFixture(engine);
    Path path =
        fixture.write(
            "people.csv",
            HEADER
                + "secret.person@example.com,+44 7400 123456,Zebediah Quux,2020-01-01\n"
                + "broken-secret-address,+44 7400 654321,Zebediah Other,2020-01-01\n");
    String logs;
    try (LogCapture capture = new LogCapture()) {
      fixture.run(path);
      logs = capture.text();
    }
    assertThat(logs)
        .doesNotContain("secret.person", "123456", "Zebediah", "broken-secret", "654321");
    assertThat(String.join("\n", fixture.rejects(path))).doesNotContain("secret", "Zebediah");
    assertThat(String.join("\n", fixture.audit)).doesNotContain("secret", "Zebediah");
  }
}
