package dev.steward.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientsCommandTest {
  private final CliHarness cli = new CliHarness();

  @Test
  void addListDisable_showsTheAccountAndItsState() {
    CliHarness.Result added = cli.clients("add", "--name", "crm", "--kind", "integration");
    cli.clients("disable", "crm");
    CliHarness.Result listed = cli.clients("list");

    assertThat(added.exitCode()).isZero();
    assertThat(listed.out()).containsPattern("integration\\s+disabled\\s+crm");
    assertThat(cli.audit.entries())
        .extracting(e -> e.action())
        .containsExactly("client.created", "client.disabled");
  }

  @Test
  void add_unknownKind_isExitTwoListingTheKinds() {
    CliHarness.Result result = cli.clients("add", "--name", "crm", "--kind", "partner");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.err())
        .contains("business-customer, integration, opendsr-controller, opendsr-processor");
  }
}
