package dev.steward.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.audit.AuditCheckpoints;
import dev.steward.audit.AuditVerification;
import dev.steward.audit.AuditVerifier;
import dev.steward.config.StewardConfig;
import dev.steward.keys.Keys;
import dev.steward.principal.Principal;
import dev.steward.store.Engine;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Two nodes on one PostgreSQL store: one audit chain, one policy in force, both serving. */
class TwoNodesTest {

  @Test
  void twoNodes_sharingOneStore_keepOneUnbrokenAuditChain() throws Exception {
    StewardConfig config = TestNodes.config(Engine.POSTGRESQL, TestNodes.http());
    try (TestNodes.Running first = TestNodes.start(config);
        TestNodes.Running second = TestNodes.start(config)) {
      assertThat(first.get("/health").statusCode()).isEqualTo(200);
      assertThat(second.get("/health").statusCode()).isEqualTo(200);
      assertThat(second.node().policies().current().contentHash())
          .isEqualTo(first.node().policies().current().contentHash());

      ExecutorService threads = Executors.newFixedThreadPool(8);
      List<Future<?>> work = new ArrayList<>();
      for (int i = 0; i < 400; i++) {
        TestNodes.Running node = i % 2 == 0 ? first : second;
        int n = i;
        work.add(
            threads.submit(
                () ->
                    node.node()
                        .audit()
                        .record(new Principal.System("test"), "test.event", "thing", "t" + n)));
      }
      for (Future<?> done : work) {
        done.get();
      }
      threads.shutdown();

      Keys keys =
          Keys.load(
              config.keysDir(),
              config.keyVariables(),
              first.node().database().jdbi(),
              Clock.systemUTC());
      AuditVerification verification =
          new AuditVerifier(
                  first.node().database(),
                  new AuditCheckpoints(first.node().database(), keys, Clock.systemUTC()))
              .verify();
      assertThat(verification.ok()).as(verification.message()).isTrue();
      assertThat(verification.entries()).isGreaterThanOrEqualTo(400);
    }
  }
}
