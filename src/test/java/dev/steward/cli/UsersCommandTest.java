package dev.steward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.error.InvalidInputException;
import dev.steward.error.NotFoundException;
import dev.steward.principal.Principal;
import org.junit.jupiter.api.Test;

class UsersCommandTest {
  private final CliHarness cli = new CliHarness();

  @Test
  void add_withoutPassword_printsTheOneTimePasswordOnce() {
    CliHarness.Result result = cli.users("add", "--username", "dana", "--role", "dpo");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .contains("added user dana")
        .containsPattern("shown only now.*\\n[A-Za-z0-9]{20}\\n");
    assertThat(cli.audit.entries())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.action()).isEqualTo("user.created");
              assertThat(e.actor()).isEqualTo(new Principal.System("cli"));
            });
  }

  @Test
  void add_withPasswordOnStdin_printsNoPassword() {
    CliHarness.Result result =
        cli.usersWithStdin(
            "my chosen long password\n",
            "add",
            "--username",
            "olga",
            "--role",
            "auditor",
            "--display-name",
            "Olga A.",
            "--password-stdin");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).doesNotContain("one-time").doesNotContain("my chosen");
  }

  @Test
  void add_unknownRole_isExitTwoListingTheRoles() {
    CliHarness.Result result = cli.users("add", "--username", "x1", "--role", "boss");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.failure()).isInstanceOf(InvalidInputException.class);
    assertThat(result.err()).contains("valid roles are: admin, dpo, analyst, agent, auditor");
  }

  @Test
  void list_thenDisable_showsTheUserDisabled() {
    cli.users("add", "--username", "dana", "--role", "dpo");

    CliHarness.Result disabled = cli.users("disable", "dana");
    CliHarness.Result listed = cli.users("list");

    assertThat(disabled.exitCode()).isZero();
    assertThat(listed.out()).containsPattern("dana\\s+dpo\\s+disabled");
  }

  @Test
  void disable_unknownUser_isNotFound() {
    CliHarness.Result result = cli.users("disable", "ghost");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.failure()).isInstanceOf(NotFoundException.class);
  }
}
