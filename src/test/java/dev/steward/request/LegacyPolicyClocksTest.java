package dev.steward.request;

import static dev.steward.request.RequestWorld.instant;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.policy.PolicyChecker;
import dev.steward.policy.PolicySnapshot;
import dev.steward.store.Engine;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Policies that today's check refuses but that a store may already hold, published before the check
 * knew better: the clocks still count in the jurisdiction's zone, and a broken calendar stops only
 * the clocks that count on it.
 */
class LegacyPolicyClocksTest {

  /**
   * Stores {@code text} as the newest published version without checking it, as an earlier Steward
   * did, in force from {@code at}.
   */
  static void publishUnchecked(RequestWorld world, String version, String text, Instant at) {
    PolicySnapshot snapshot = PolicySnapshot.ofText(PolicyChecker.BUNDLED_RESOURCE, text);
    String files;
    try {
      files = dev.steward.web.Json.mapper().writeValueAsString(snapshot.files());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    String json = files;
    world
        .node
        .database()
        .jdbi()
        .useHandle(
            handle ->
                handle
                    .createUpdate(
                        "insert into policy_version (seq, version, content_hash, main_file, files,"
                            + " effective_date, published_at, in_force_from, published_by) values"
                            + " ((select max(seq) + 1 from policy_version), :version, :hash, :main,"
                            + " :files, '2019-10', :at, :at, 'system:legacy')")
                    .bind("version", version)
                    .bind("hash", snapshot.contentHash())
                    .bind("main", snapshot.mainFile())
                    .bind("files", json)
                    .bind("at", at)
                    .execute());
  }

  private static String bundledAs(String version, Map<String, String> replacements) {
    String text =
        PolicyChecker.bundledText()
            .replaceFirst("(?m)^version: .*$", "version: \"" + version + "\"");
    for (Map.Entry<String, String> change : replacements.entrySet()) {
      assertThat(text).contains(change.getKey());
      text = text.replace(change.getKey(), change.getValue());
    }
    return text;
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void request_whileAnotherJurisdictionsCalendarIsBroken_isCountedOnItsOwn(Engine engine) {
    try (RequestWorld world =
        RequestWorld.start(engine, instant("2026-03-02T09:00", "America/Los_Angeles"))) {
      publishUnchecked(
          world,
          "legacy-regions",
          bundledAs(
              "legacy-regions",
              Map.of("country: GB, subdivisions: [eng]}", "country: GB, subdivisions: [ENG]}")),
          instant("2026-03-02T09:00:01", "America/Los_Angeles"));
      world.at("2026-03-02T10:00", "America/Los_Angeles");

      UUID ccpa =
          world.idOf(
              world.submit(
                  "{\"type\":\"opt_out_sale_sharing\",\"residence\":\"US-CA\","
                      + "\"identity\":{\"email\":\"ola@example.com\"}}"));
      JsonNode counted = world.detail(ccpa);
      // 11 CCR §7026(f): 15 business days from Monday 2 March 2026 on the California calendar.
      assertThat(counted.at("/summary/dueDate").asText()).isEqualTo("2026-03-23");
      assertThat(counted.at("/summary/clockGap").asBoolean()).isFalse();

      UUID uk =
          world.log(
              "access", "GB", "bea@example.co.uk", instant("2026-03-02T09:00", "Europe/London"));
      JsonNode broken = world.detail(uk);
      assertThat(broken.at("/summary/clockGap").asBoolean()).isTrue();
      assertThat(broken.at("/clocks/0/uncounted").asText()).contains("gb-eng").contains("'ENG'");
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void gdprMonth_whenTheCalendarDeclaresAnotherZone_isCountedInTheJurisdictionsZone(Engine engine) {
    try (RequestWorld world = RequestWorld.start(engine, instant("2025-02-01T00:00", "UTC"))) {
      publishUnchecked(
          world,
          "legacy-zone",
          bundledAs(
              "legacy-zone",
              Map.of(
                  "{id: gb-eng, source: jollyday, zone: Europe/London,",
                  "{id: gb-eng, source: jollyday, zone: Pacific/Kiritimati,")),
          instant("2025-02-01T00:00:01", "UTC"));
      world.at("2025-02-03T09:00", "UTC");

      // 10:30 on 31 January in London, the 'gdpr' jurisdiction's zone, is already 1 February at
      // Kiritimati (UTC+14): counted there it would end on Saturday 1 March, moved to 3 March.
      UUID id = world.log("access", "FR", "fleur@example.fr", instant("2025-01-31T10:30", "UTC"));
      JsonNode detail = world.detail(id);
      assertThat(detail.at("/summary/governing").asText()).isEqualTo("gdpr");
      assertThat(detail.at("/summary/dueDate").asText()).isEqualTo("2025-02-28");
      assertThat(detail.at("/summary/dueAt").asText())
          .isEqualTo(instant("2025-02-28T23:59:59.999", "Europe/London").toString());
    }
  }
}
