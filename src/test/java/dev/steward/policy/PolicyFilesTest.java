package dev.steward.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading files: includes, and inputs that are not a policy at all. */
class PolicyFilesTest {
  private static final Path INCLUDES = Path.of("src/test/resources/policy/includes");

  @TempDir Path dir;

  @Test
  void check_problemInIncludedFile_pointsIntoThatFile() {
    CheckReport report = Fixtures.checker().check(INCLUDES.resolve("main.yaml"));

    assertThat(report.errors())
        .extracting(Problem::format)
        .containsExactly(
            INCLUDES.resolve("processing.yaml")
                + ":5:18: error: unknown category 'contact.emial' (hint: did you mean"
                + " 'contact.email'?)");
  }

  @Test
  void loadValid_includedSections_areMergedInReadingOrder() throws IOException {
    Path main = Files.copy(INCLUDES.resolve("main.yaml"), dir.resolve("main.yaml"));
    Files.copy(INCLUDES.resolve("parties.yaml"), dir.resolve("parties.yaml"));
    Files.writeString(
        dir.resolve("processing.yaml"),
        Files.readString(INCLUDES.resolve("processing.yaml")).replace("emial", "email"));

    Policy policy = Fixtures.checker().loadValid(main);

    assertThat(policy.purposes()).extracting(Purpose::id).containsExactly("support", "service");
    assertThat(policy.entities()).extracting(Entity::id).containsExactly("acme");
  }

  @Test
  void check_missingIncludedFile_pointsAtTheInclude() throws IOException {
    Path main = write("main.yaml", Fixtures.minimal() + "include: [absent.yaml]\n");

    assertThat(Fixtures.checker().check(main).errors())
        .extracting(Problem::format)
        .containsExactly(
            main
                + ":40:11: error: no such file: "
                + dir.resolve("absent.yaml")
                + " (hint: check the path and its spelling)");
  }

  @Test
  void check_fileIncludingItself_reportsTheCycle() throws IOException {
    Path main = write("main.yaml", Fixtures.minimal() + "include: [main.yaml]\n");

    assertThat(Fixtures.checker().check(main).errors())
        .extracting(Problem::message)
        .containsExactly("'" + dir.resolve("main.yaml") + "' includes itself");
  }

  @Test
  void check_keySetInTwoFiles_isAnErrorInTheLaterFile() throws IOException {
    write("other.yaml", "version: \"2\"\n");
    Path main = write("main.yaml", Fixtures.minimal() + "include: [other.yaml]\n");

    assertThat(Fixtures.checker().check(main).errors())
        .extracting(Problem::format)
        .containsExactly(
            dir.resolve("other.yaml")
                + ":1:1: error: 'version' is already set in "
                + main
                + ":1 (hint: only list"
                + " sections may appear in several files)");
  }

  @Test
  void check_binaryFile_isALocatedError() throws IOException {
    Path file = dir.resolve("policy.yaml");
    Files.write(file, new byte[] {'a', ':', ' ', 0, 1, 2});

    assertThat(Fixtures.checker().check(file).errors())
        .extracting(Problem::format)
        .containsExactly(file + ":1:1: error: the file is binary, not YAML text");
  }

  @Test
  void check_invalidUtf8_isALocatedError() throws IOException {
    Path file = dir.resolve("policy.yaml");
    Files.write(file, new byte[] {'a', ':', ' ', (byte) 0xC3, (byte) 0x28});

    assertThat(Fixtures.checker().check(file).errors())
        .extracting(Problem::format)
        .containsExactly(file + ":1:1: error: the file is not UTF-8 text (hint: save it as UTF-8)");
  }

  @Test
  void check_fileOverSizeLimit_isALocatedError() throws IOException {
    Path file = write("policy.yaml", "# " + "x".repeat((int) PolicyFiles.MAX_BYTES) + "\n");

    assertThat(Fixtures.checker().check(file).errors())
        .extracting(Problem::format)
        .containsExactly(
            file + ":1:1: error: the file is larger than 1024 KiB (hint: split it with include:)");
  }

  @Test
  void check_yamlAlias_isRefused() {
    CheckReport report =
        Fixtures.check(
            Fixtures.minimal().replace("name: Customers}", "name: &n Customers}")
                + "regions_copy: *n\n");

    assertThat(report.errors())
        .extracting(Problem::message)
        .contains("YAML aliases (*name) are not supported in a policy file");
  }

  @Test
  void loadValid_invalidFile_throwsWithEveryProblem() throws IOException {
    Path file = write("policy.yaml", Fixtures.minimal().replace("dpv:Contract", "dpv:Contrakt"));

    assertThatThrownBy(() -> Fixtures.checker().loadValid(file))
        .isInstanceOfSatisfying(
            InvalidPolicyException.class,
            e -> {
              assertThat(e.located()).extracting(Problem::line).containsExactly(22);
              assertThat(e.problems()).hasSize(1);
              assertThat(e.kind()).isEqualTo("invalid-policy");
            });
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
  }
}
