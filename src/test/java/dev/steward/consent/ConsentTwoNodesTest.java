package dev.steward.consent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.app.TestNodes;
import dev.steward.config.StewardConfig;
import dev.steward.decision.Decision;
import dev.steward.decision.DecisionContext;
import dev.steward.decision.DecisionQuery;
import dev.steward.principal.Principal;
import dev.steward.store.Engine;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Two nodes on one PostgreSQL store: a withdrawal acknowledged on one is seen by the other's cached
 * decisions through LISTEN/NOTIFY, long before the cache's own maximum age (60 s) would expire it.
 */
class ConsentTwoNodesTest {
  private static final Principal SYSTEM = new Principal.System("test");

  @Test
  void withdrawalAcknowledgedOnNodeA_deniesOnNodeB() throws Exception {
    StewardConfig config =
        TestNodes.withPolicy(
            TestNodes.config(Engine.POSTGRESQL, TestNodes.http()),
            Path.of("src/test/resources/policy/decisions.yaml"));
    try (TestNodes.Running a = TestNodes.start(config);
        TestNodes.Running b = TestNodes.start(config)) {
      UUID subject = ConsentLedgerTest.subscribe(a, "erin@example.org");
      DecisionQuery newsletter =
          new DecisionQuery(
              "crm",
              Party.subject(subject),
              "newsletter",
              List.of("contact.email"),
              "email",
              DecisionContext.NONE);
      // B has the subject's state in memory from here on.
      assertThat(b.node().decisions().decide(SYSTEM, newsletter).reason()).isEqualTo("allowed");
      assertThat(b.node().decisions().decide(SYSTEM, newsletter).reason()).isEqualTo("allowed");

      List<ConsentEvent> withdrawn =
          a.node()
              .database()
              .jdbi()
              .inTransaction(
                  handle ->
                      a.node()
                          .consent()
                          .ledger()
                          .withdraw(
                              handle,
                              SYSTEM,
                              subject,
                              Set.of("newsletter"),
                              "email",
                              "test",
                              "api"));
      assertThat(withdrawn).hasSize(1);
      assertThat(a.node().decisions().decide(SYSTEM, newsletter).reason())
          .as("the node that made the change, at once")
          .isEqualTo("no_consent");

      Decision seen = null;
      Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
      while (Instant.now().isBefore(deadline)) {
        seen = b.node().decisions().decide(SYSTEM, newsletter);
        if (!seen.allowed()) {
          break;
        }
        Thread.sleep(20);
      }
      assertThat(seen.reason()).isEqualTo("no_consent");
    }
  }
}
