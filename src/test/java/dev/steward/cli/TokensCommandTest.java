package dev.steward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.error.InvalidInputException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class TokensCommandTest {
  private final CliHarness cli = new CliHarness();

  @Test
  void create_forUser_printsTheTokenOnceWithANote() {
    cli.users("add", "--username", "olga", "--role", "auditor");

    CliHarness.Result result =
        cli.tokens(
            "create",
            "--user",
            "olga",
            "--name",
            "ci",
            "--scopes",
            "audit:read,policy:read",
            "--expires-in",
            "90d");

    assertThat(result.exitCode()).isZero();
    assertThat(result.out())
        .contains("scopes audit:read,policy:read")
        .containsPattern("\\nstw_[A-Za-z0-9_-]{43}\\n")
        .contains("not shown again");
  }

  @Test
  void listThenRevoke_showsTheTokenRevokedAndNeverItsSecret() {
    cli.users("add", "--username", "olga", "--role", "auditor");
    String created =
        cli.tokens(
                "create",
                "--user",
                "olga",
                "--name",
                "ci",
                "--scopes",
                "audit:read",
                "--expires-in",
                "12h")
            .out();
    Matcher id = Pattern.compile("created token ([0-9a-f-]{36})").matcher(created);
    assertThat(id.find()).isTrue();

    CliHarness.Result revoked = cli.tokens("revoke", id.group(1));
    CliHarness.Result listed = cli.tokens("list", "--user", "olga");

    assertThat(revoked.exitCode()).isZero();
    assertThat(listed.out()).containsPattern(id.group(1) + "\\s+revoked\\s+user:olga\\s+ci");
    assertThat(listed.out()).doesNotContain("stw_");
  }

  @Test
  void create_forClient_cannotExceedItsKind() {
    cli.clients("add", "--name", "peer", "--kind", "opendsr-controller");

    CliHarness.Result result =
        cli.tokens(
            "create",
            "--client",
            "peer",
            "--name",
            "x",
            "--scopes",
            "subject:read",
            "--expires-in",
            "30d");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("opendsr:submit");
  }

  @Test
  void create_badLifetimeOrTooLong_isExitTwo() {
    cli.users("add", "--username", "olga", "--role", "auditor");

    CliHarness.Result malformed =
        cli.tokens(
            "create",
            "--user",
            "olga",
            "--name",
            "x",
            "--scopes",
            "audit:read",
            "--expires-in",
            "soon");
    CliHarness.Result tooLong =
        cli.tokens(
            "create",
            "--user",
            "olga",
            "--name",
            "x",
            "--scopes",
            "audit:read",
            "--expires-in",
            "400d");

    assertThat(malformed.failure()).isInstanceOf(InvalidInputException.class);
    assertThat(tooLong.failure()).isInstanceOf(InvalidInputException.class);
  }

  @Test
  void create_withBothOrNoOwner_isAUsageError() {
    CliHarness.Result result =
        cli.tokens("create", "--name", "x", "--scopes", "audit:read", "--expires-in", "1d");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err()).contains("--user");
  }
}
