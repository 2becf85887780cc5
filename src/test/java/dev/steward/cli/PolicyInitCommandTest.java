package dev.steward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.policy.CheckReport;
import dev.steward.policy.Jurisdiction;
import dev.steward.policy.Policy;
import dev.steward.policy.PolicyChecker;
import dev.steward.policy.Problem;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code steward policy init}: a company's own starting file, from flags or answers. */
class PolicyInitCommandTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String stdin, boolean interactive, String... args) {
    CommandLine line =
        new CommandLine(
            new PolicyInitCommand(CLOCK, new BufferedReader(new StringReader(stdin)), interactive));
    line.setOut(new PrintWriter(out, true));
    line.setErr(new PrintWriter(err, true));
    line.setExecutionExceptionHandler(
        (e, cmd, parsed) -> StewardCommand.failed(e, false, cmd.getErr()));
    return line.execute(args);
  }

  private static CheckReport check(Path file) {
    return new PolicyChecker(CLOCK).check(file);
  }

  @Test
  void init_fromFlags_writesAFileThatPassesTheCheckWithTheCompanysOwnNames() throws IOException {
    Path file = dir.resolve("policy.yaml");

    int code =
        run(
            "",
            false,
            file.toString(),
            "--entity",
            "Acme Analytics Ltd",
            "--country",
            "IE",
            "--email",
            "privacy@acme.example",
            "--post",
            "1 Quay St, Dublin: \"D01\"",
            "--entity",
            "Acme Inc.",
            "--country",
            "US",
            "--email",
            "privacy-us@acme.example",
            "--phone",
            "+1 555 0100",
            "--jurisdiction",
            "gdpr,ccpa",
            "--jurisdiction",
            "uk_gdpr,pipl,hk_pdpo,coppa");

    assertThat(code).as(err.toString()).isZero();
    CheckReport report = check(file);
    assertThat(report.errors()).extracting(Problem::format).isEmpty();
    Policy policy = report.orThrow();
    assertThat(policy.demo()).isFalse();
    assertThat(policy.entities())
        .extracting(e -> e.legalName())
        .containsExactly("Acme Analytics Ltd", "Acme Inc.");
    assertThat(policy.entities().get(0).contacts().get(0).post())
        .contains("1 Quay St, Dublin: \"D01\"");
    assertThat(policy.jurisdictions())
        .extracting(Jurisdiction::id)
        .containsExactly("gdpr", "ccpa", "uk_gdpr", "pipl", "hk_pdpo", "coppa");
    assertThat(policy.jurisdiction("gdpr").orElseThrow().controller())
        .isEqualTo("acme-analytics-ltd");
    assertThat(policy.jurisdiction("ccpa").orElseThrow().controller()).isEqualTo("acme-inc");
    assertThat(policy.jurisdiction("gdpr").orElseThrow().calendar()).isEqualTo("ie");
    assertThat(Files.readString(file)).doesNotContain("ChinaCache", "chinacache");
    assertThat(out.toString()).contains("wrote " + file + ": valid, with");
  }

  @Test
  void init_atATerminalWithoutFlags_asksForTheCompanyAndTheLaws() throws IOException {
    Path file = dir.resolve("asked.yaml");

    int code =
        run(
            "Lernwerk Bildung GmbH\nDE\ndatenschutz@lernwerk.example\n\n\ngdpr\n",
            true,
            file.toString());

    assertThat(code).as(err.toString()).isZero();
    Policy policy = check(file).orThrow();
    assertThat(policy.entities().get(0).legalName()).isEqualTo("Lernwerk Bildung GmbH");
    assertThat(policy.jurisdiction("gdpr").orElseThrow().zone().getId()).isEqualTo("Europe/Berlin");
  }

  @Test
  void init_withoutEntityWhenNotInteractive_exits2NamingWhatIsMissing() {
    Path file = dir.resolve("none.yaml");

    int code = run("", false, file.toString(), "--jurisdiction", "gdpr");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("name at least one: --entity NAME --country CC");
    assertThat(file).doesNotExist();
  }

  @Test
  void init_entityWithoutChannelOrWithUnknownLaw_exits2() {
    int code =
        run(
            "",
            false,
            dir.resolve("bad.yaml").toString(),
            "--entity",
            "Acme Ltd",
            "--country",
            "GB",
            "--jurisdiction",
            "gdpr,lgpd");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString())
        .contains("'Acme Ltd' needs a way to reach it")
        .contains("'lgpd' is not one of gdpr, uk_gdpr, ccpa, pipl, hk_pdpo, coppa");
  }

  @Test
  void init_gdprWithNoEntityToCountItsHolidaysOn_asksForTheRepresentativeInTheUnion() {
    int code =
        run(
            "",
            false,
            dir.resolve("cn.yaml").toString(),
            "--entity",
            "Beispiel Co., Ltd.",
            "--country",
            "CN",
            "--email",
            "privacy@beispiel.example",
            "--jurisdiction",
            "gdpr,pipl");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("representative in the Union (GDPR Art. 27)");
  }

  @Test
  void init_existingFile_isKeptUnlessForced() throws IOException {
    Path file = Files.writeString(dir.resolve("mine.yaml"), "version: mine\n");
    String[] args = {
      file.toString(),
      "--entity",
      "Acme Ltd",
      "--country",
      "GB",
      "--email",
      "p@acme.example",
      "--jurisdiction",
      "uk_gdpr"
    };

    assertThat(run("", false, args)).isEqualTo(2);
    assertThat(Files.readString(file)).isEqualTo("version: mine\n");

    String[] forced = java.util.Arrays.copyOf(args, args.length + 1);
    forced[args.length] = "--force";
    assertThat(run("", false, forced)).isZero();
    assertThat(check(file).errors()).isEmpty();
  }
}
