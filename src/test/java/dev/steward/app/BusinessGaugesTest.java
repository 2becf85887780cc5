package dev.steward.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.store.Database;
import dev.steward.store.Engine;
import dev.steward.store.StoreSettings;
import dev.steward.store.TestDatabases;
import dev.steward.vault.MutableClock;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BusinessGaugesTest {

  @Test
  void metrics_onARunningNode_carryTheBusinessGauges() {
    try (TestNodes.Running running =
        TestNodes.start(TestNodes.config(Engine.H2, TestNodes.http()))) {
      String token = running.adminToken("metrics:read");
      HttpResponse<String> response = running.get("/metrics", token);

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.body())
          .contains("steward_requests_open{state=\"received\"} 0.0")
          .contains("steward_requests_open{state=\"awaiting_systems\"} 0.0")
          .doesNotContain("steward_requests_open{state=\"completed\"}")
          .contains("steward_requests_overdue 0.0")
          .contains("steward_outbox_backlog ")
          .contains("steward_fulfilment_tasks_failed 0.0")
          .containsPattern("steward_audit_head_age_seconds [0-9.E]+\\n");
    }
  }

  @ParameterizedTest
  @EnumSource(Engine.class)
  void counts_areReadAtMostOnceInTheirFreshness(Engine engine) {
    MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    try (Database database = Database.open(StoreSettings.of(TestDatabases.freshUrl(engine)))) {
      BusinessGauges gauges =
          BusinessGauges.register(
              database.jdbi(), clock, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));

      BusinessGauges.Snapshot first = gauges.current();
      clock.advance(BusinessGauges.FRESH.minusMillis(1));
      assertThat(gauges.current()).isSameAs(first);
      clock.advance(Duration.ofMillis(1));
      assertThat(gauges.current()).isNotSameAs(first);
      assertThat(first.overdue()).isZero();
      assertThat(first.failedTasks()).isZero();
    }
  }
}
