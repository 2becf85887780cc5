package dev.steward.vault;

import static dev.steward.vault.VaultFixture.SYSTEM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.error.StewardException;
import dev.steward.store.Engine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a whole life cycle (create, add records, rectify, link, a few refusals, erase) and then
 * looks for every email, phone and name it used, raw and normalised, in the database files, the
 * logs and the audit entries. None may be there.
 */
class PlaintextScanIT {
  private static final Logger LOG = LoggerFactory.getLogger(PlaintextScanIT.class);

  private static final List<String[]> PEOPLE =
      List.of(
          new String[] {"Zelda.Quintero@Example.org", "+44 20 3728 1161", "Zelda Quintero"},
          new String[] {"marek.wisniewski@Żółw.example", "020 7123 4567", "Marek Wiśniewski"},
          new String[] {"Ophelia.Stroud@example.net", "07911 123456", "Ophélia STRAUSSBERG"});

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void fullScenario_leavesNoPlaintextIdentityInFilesLogsOrAudit(Engine engine) throws Exception {
    String logs;
    List<String> refusals = new ArrayList<>();
    VaultFixture fixture = new VaultFixture(engine);
    try (LogCapture capture = new LogCapture()) {
      List<UUID> ids = new ArrayList<>();
      for (String[] person : PEOPLE) {
        UUID id =
            fixture.vault.createSubject(
                SYSTEM,
                NewSubject.of(
                    "customer_contact",
                    List.of(
                        Identity.email(person[0]),
                        Identity.phone(person[1]),
                        Identity.name(person[2]))),
                ReturningPerson.REFUSE);
        ids.add(id);
        List<UUID> records =
            fixture.addRecords(id, "contact_details", person[0], person[1], person[2]);
        fixture.vault.rectify(SYSTEM, records.get(2), person[2] + " Jr", "corrected by the person");
        fixture.values(id);
        LOG.info("scenario: subject {} stored with {} records", id, records.size());
      }
      fixture.vault.link(SYSTEM, ids.get(0), ids.get(2));
      refusals.add(refusal(() -> fixture.subjectWithEmail(PEOPLE.get(1)[0])));
      refusals.add(
          refusal(
              () ->
                  fixture.vault.findByIdentity(
                      SYSTEM, Identity.phone(PEOPLE.get(1)[1] + "99999"))));
      refusals.add(
          refusal(() -> fixture.vault.findByIdentity(SYSTEM, Identity.email(PEOPLE.get(0)[2]))));
      fixture.vault.erase(
          SYSTEM,
          ids.get(1),
          "erasure request",
          "REQ-9",
          List.of(
              new KeepUnderExemption(
                  ExemptionGround.LEGAL_CLAIMS,
                  Set.of("contact_details"),
                  VaultFixture.START.plus(Duration.ofDays(90)))));
      fixture.vault.erase(SYSTEM, ids.get(0), "erasure request", "REQ-10", List.of());
      refusals.add(refusal(() -> fixture.subjectWithEmail(PEOPLE.get(0)[0])));
      refusals.forEach(message -> LOG.warn("refused: {}", message));
      logs = capture.text();
    } finally {
      fixture.closeDatabases();
    }

    String haystack = logs + "\n" + String.join("\n", refusals) + "\n" + fixture.audit.entries;
    List<String> found = new ArrayList<>();
    // Control: text the store does keep in clear (the tombstone's reason) is found by this scan.
    boolean controlFound = false;
    for (Path file : storedFiles(fixture)) {
      controlFound |=
          contains(Files.readAllBytes(file), "erasure request".getBytes(StandardCharsets.UTF_8));
    }
    assertThat(controlFound).as("the scan finds clear text that is there").isTrue();
    for (String needle : needles()) {
      if (haystack.contains(needle)) {
        found.add("logs/audit/messages: " + needle);
      }
      for (Path file : storedFiles(fixture)) {
        if (contains(Files.readAllBytes(file), needle.getBytes(StandardCharsets.UTF_8))) {
          found.add(file.getFileName() + ": " + needle);
        }
      }
    }
    assertThat(refusals).hasSize(4);
    assertThat(logs).contains("scenario: subject");
    assertThat(found).isEmpty();
  }

  /** Each value raw, normalised, and in the case variants a careless log line might use. */
  private static Set<String> needles() {
    IdentityNormalizer normalizer = new IdentityNormalizer("GB");
    Set<String> needles = new LinkedHashSet<>();
    for (String[] person : PEOPLE) {
      needles.add(person[0]);
      needles.add(person[1]);
      needles.add(person[2]);
      needles.add(normalizer.normalize(Identity.email(person[0])));
      needles.add(normalizer.normalize(Identity.phone(person[1])));
      needles.add(normalizer.normalize(Identity.name(person[2])));
      needles.add(person[0].toLowerCase(java.util.Locale.ROOT));
      needles.add(person[1].replace(" ", ""));
      needles.add(person[2].split(" ")[1]);
    }
    return needles;
  }

  private static String refusal(Runnable call) {
    List<String> message = new ArrayList<>();
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            StewardException.class,
            e ->
                message.add(
                    e.getMessage()
                        + " "
                        + (e instanceof dev.steward.error.InvalidInputException invalid
                            ? invalid.problems()
                            : "")));
    return message.get(0);
  }

  /** H2: every file of both databases. PostgreSQL: a pg_dump of each schema. */
  private static List<Path> storedFiles(VaultFixture fixture)
      throws IOException, InterruptedException {
    List<Path> files = new ArrayList<>();
    if (fixture.engine == Engine.H2) {
      for (String url : List.of(fixture.storeUrl, fixture.keyringUrl)) {
        try (Stream<Path> dir = Files.list(StoreCopies.h2File(url).getParent())) {
          dir.filter(Files::isRegularFile).forEach(files::add);
        }
      }
      assertThat(files).hasSizeGreaterThanOrEqualTo(2);
    } else {
      files.add(StoreCopies.pgDumpFile(fixture.storeUrl));
      files.add(StoreCopies.pgDumpFile(fixture.keyringUrl));
    }
    return files;
  }

  private static boolean contains(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }
}
