package dev.steward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class PolicyCommandTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();

  private int run(String... args) {
    CommandLine line =
        new CommandLine(
            new PolicyCommand(),
            new CommandLine.IFactory() {
              @Override
              public <K> K create(Class<K> type) throws Exception {
                return type == PolicyCommand.Check.class
                    ? type.cast(new PolicyCommand.Check(CLOCK))
                    : CommandLine.defaultFactory().create(type);
              }
            });
    line.setOut(new PrintWriter(out));
    return line.execute(args);
  }

  @Test
  void check_policyWithError_printsLocatedProblemAndExits2() throws IOException {
    Path file = copyMinimal("[dpv:Contract]", "[dpv:Contrakt]");

    int code = run("check", file.toString());

    assertThat(code).isEqualTo(2);
    assertThat(out.toString())
        .contains(
            file
                + ":22:19: error: 'dpv:Contrakt' is not a W3C DPV legal basis (hint: did you mean"
                + " 'dpv:Contract'?)")
        .contains(file + ": 1 error, 0 warnings - the policy is not valid");
  }

  @Test
  void check_policyWithWarningsOnly_exits0() throws IOException {
    Path file = copyMinimal("verification: possession", "verification: documents");

    int code = run("check", file.toString());

    assertThat(code).isZero();
    assertThat(out.toString())
        .contains(file + ":37:38: warning: every request under 'gdpr' requires identity documents")
        .contains(file + ": 0 errors, 1 warning - the policy is valid");
  }

  @Test
  void check_missingFile_exits2WithLocatedMessage() {
    int code = run("check", dir.resolve("absent.yaml").toString());

    assertThat(code).isEqualTo(2);
    assertThat(out.toString()).contains("absent.yaml:1:1: error: no such file");
  }

  private Path copyMinimal(String before, String after) throws IOException {
    String text;
    try (var in = getClass().getClassLoader().getResourceAsStream("policy/minimal.yaml")) {
      text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
    return Files.writeString(dir.resolve("policy.yaml"), text.replace(before, after));
  }
}
