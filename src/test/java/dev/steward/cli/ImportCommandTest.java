package dev.steward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportCommandTest {
  @TempDir Path dir;

  static final String MAPPING =
      """
      subject_type: customer-contacts
      source: customers
      system: other-systems
      purposes: relationship-admin
      legal_basis: dpv:Contract
      identities: {email: email}
      records: {email: contact.email}
      """;

  @org.junit.jupiter.api.BeforeEach
  void createTheStore() {
    // A node creates the store; the import command only works on an existing one.
    dev.steward.store.Database.open(
            dev.steward.store.StoreSettings.of(
                dev.steward.store.StoreSettings.h2FileUrl(dir.resolve("data").resolve("steward"))))
        .close();
  }

  CliExitCodesTest.Outcome run(String... args) {
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--data-dir";
    all[args.length + 1] = dir.resolve("data").toString();
    return CliExitCodesTest.run(all);
  }

  @Test
  void import_thenRerun_importsOnce_andListsRejects() throws IOException {
    Path file = Files.writeString(dir.resolve("people.csv"), "email\na@example.com\nnope\n");
    Path mapping = Files.writeString(dir.resolve("mapping.yaml"), MAPPING);

    CliExitCodesTest.Outcome first =
        run("import", file.toString(), "--mapping", mapping.toString());
    CliExitCodesTest.Outcome again =
        run("import", file.toString(), "--mapping", mapping.toString());

    assertThat(first.code()).isZero();
    assertThat(first.out())
        .contains("1 subjects created", "1 rows rejected", "people.csv.rejects.csv");
    assertThat(Files.readAllLines(Path.of(file + ".rejects.csv")))
        .containsExactly("line,reason,column", "3,invalid-email,\"email\"");
    assertThat(again.code()).isZero();
    assertThat(again.out()).contains("already imported");
  }

  @Test
  void invalidMapping_isBadInput_withEveryProblemLocated() throws IOException {
    Path file = Files.writeString(dir.resolve("people.csv"), "email\na@example.com\n");
    Path mapping =
        Files.writeString(
            dir.resolve("mapping.yaml"), MAPPING.replace("other-systems", "mainframe"));

    CliExitCodesTest.Outcome outcome =
        run("import", file.toString(), "--mapping", mapping.toString());

    assertThat(outcome.code()).isEqualTo(2);
    assertThat(outcome.err())
        .contains("mapping.yaml:3:9: error: 'mainframe' is not a system of the policy");
  }

  @Test
  void columnMissingFromTheHeader_pointsAtTheMapping() throws IOException {
    Path file = Files.writeString(dir.resolve("people.csv"), "mail\na@example.com\n");
    Path mapping = Files.writeString(dir.resolve("mapping.yaml"), MAPPING);

    CliExitCodesTest.Outcome outcome =
        run("import", file.toString(), "--mapping", mapping.toString());

    assertThat(outcome.code()).isEqualTo(2);
    assertThat(outcome.err()).contains("mapping.yaml:6:14: column 'email' is not in the header");
  }

  @Test
  void progress_withoutATerminal_isPlainLines_andOnATerminal_aBarRedrawnInPlace() {
    long[] now = {0};
    StringWriter plain = new StringWriter();
    ProgressDisplay lines = new ProgressDisplay(new PrintWriter(plain), false, () -> now[0]);
    StringWriter bar = new StringWriter();
    ProgressDisplay terminal = new ProgressDisplay(new PrintWriter(bar), true, () -> now[0]);

    now[0] = 6_000_000_000L;
    lines.update(6000, 50, 100);
    terminal.update(6000, 50, 100);
    terminal.finish();

    assertThat(plain.toString()).isEqualTo("import:  50% 6,000 rows 1,000 rows/s ETA 0:06\n");
    assertThat(bar.toString()).startsWith("\r[###############...............]  50% 6,000 rows");
  }
}
