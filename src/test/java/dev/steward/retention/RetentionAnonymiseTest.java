package dev.steward.retention;

import static dev.steward.retention.RetentionFixture.DPO;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.steward.store.Engine;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Rules with {@code action: anonymise}: values destroyed, counts kept, the certificate says so. */
class RetentionAnonymiseTest {
  private static final String RULES =
      "  - {id: feedback-counts, categories: [service.feedback], period: P1Y, start: collection,"
          + " action: anonymise}\n";

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void anonymise_destroysTheValuesOnTheDay_keepsOnlyCounts_andTheCertificateRecordsIt(Engine engine)
      throws Exception {
    try (RetentionFixture f =
        new RetentionFixture(engine, List.of(), RetentionFixture.bundledWith(RULES))) {
      UUID ann =
          f.subject(
              "customer-contacts",
              null,
              null,
              "ann@example.com",
              "service.feedback",
              "contact.email");
      UUID bob = f.subject("customer-contacts", null, null, "bob@example.com", "service.feedback");

      f.clock.set(Instant.parse("2025-12-31T00:00:00Z"));
      assertThat(f.sweep.dryRun(DPO).notSwept()).doesNotContainKey("feedback-counts");
      RunSummary before = f.sweep.run(DPO, "job", RetentionProgress.NONE);
      assertThat(before.anonymised()).isZero();
      assertThat(f.categories(ann)).contains("service.feedback");
      assertThat(aggregates(f)).isEmpty();

      f.clock.set(Instant.parse("2026-01-01T00:00:00Z"));
      RunSummary run = f.sweep.run(DPO, "job", RetentionProgress.NONE);

      assertThat(run.anonymised()).isEqualTo(2);
      // Bob had nothing else: with his only record anonymised, he goes as a whole person.
      assertThat(run.deleted()).isEqualTo(1);
      assertThat(f.categories(ann)).containsExactly("contact.email");
      assertThat(f.erased(ann)).isFalse();
      assertThat(f.erased(bob)).isTrue();
      assertThat(aggregates(f))
          .containsExactly(
              Map.of(
                  "category", "service.feedback",
                  "source", "the-person",
                  "purposes", "relationship-admin",
                  "collected_month", "2025-01",
                  "records", 2));
      assertThat(f.withAction("record.anonymise")).hasSize(2);

      String document = f.sweep.certificate(DPO, run.id());
      assertThat(f.sweep.verify(DPO, document).valid()).isTrue();
      JsonNode certificate = new ObjectMapper().readTree(document).path("certificate");
      assertThat(certificate.path("totals").path("anonymised").asInt()).isEqualTo(2);
      JsonNode rule = certificate.path("rules").get(0);
      for (JsonNode each : certificate.path("rules")) {
        if (each.path("rule").asText().equals("feedback-counts")) {
          rule = each;
        }
      }
      assertThat(rule.path("action").asText()).isEqualTo("anonymise");
      assertThat(rule.path("counts").path("anonymised").asInt()).isEqualTo(2);
      assertThat(rule.path("items").findValuesAsText("outcome")).contains("anonymised");

      // A later run finds nothing more to count: the aggregate is not added to twice.
      assertThat(f.sweep.run(DPO, "job", RetentionProgress.NONE).anonymised()).isZero();
      assertThat(aggregates(f)).singleElement().extracting(m -> m.get("records")).isEqualTo(2);
    }
  }

  private static List<Map<String, Object>> aggregates(RetentionFixture f) {
    return f.store
        .jdbi()
        .withHandle(
            h ->
                h.createQuery(
                        "select category, source, purposes, collected_month, sum(records) as"
                            + " records from vault_record_aggregate group by category, source,"
                            + " purposes, collected_month")
                    .map(
                        (rs, ctx) ->
                            Map.<String, Object>of(
                                "category", rs.getString(1),
                                "source", rs.getString(2),
                                "purposes", rs.getString(3),
                                "collected_month", rs.getString(4),
                                "records", rs.getInt(5)))
                    .list());
  }
}
