package dev.steward.breach;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.principal.Permission;
import dev.steward.principal.Principal;
import dev.steward.principal.Role;
import dev.steward.store.Engine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The people affected counted per system of the data map: the vault's floor for each, "unknown" for
 * a system that cannot count, and a system's own count once a counter plugs in.
 */
class BreachSystemCountTest {
  private static final Instant NOW = Instant.parse("2026-03-05T12:00:00Z");

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void count_saysWhichSystemsAreUnknown_andTakesASystemsOwnCountWhenItCanCount(Engine engine) {
    try (BreachWorld world = new BreachWorld(engine, NOW)) {
      String dpo = world.staff(Role.DPO);
      world.person(
          "ann@example.com",
          "email-im",
          "contact.email",
          "ann@example.com",
          Instant.parse("2026-02-10T09:00:00Z"));
      world.person(
          "bob@example.com",
          "web-logs",
          "device.ip_address",
          "198.51.100.7",
          Instant.parse("2026-02-12T09:00:00Z"));
      world.person(
          "carol@example.com",
          "email-im",
          "contact.email",
          "carol@example.com",
          Instant.parse("2026-01-10T09:00:00Z"));
      String id =
          world
              .ok(
                  201,
                  "POST",
                  "/api/v1/breaches",
                  dpo,
                  "{\"title\":\"Logs and mail exposed\",\"whatHappened\":\"A backup was"
                      + " readable.\",\"awareAt\":\"2026-03-05T10:00:00Z\","
                      + "\"systems\":[\"email-im\",\"web-logs\"],\"categories\":[\"contact\","
                      + "\"device\"],\"windowFrom\":\"2026-02-01T00:00:00Z\","
                      + "\"windowTo\":\"2026-03-01T00:00:00Z\"}")
              .get("incident")
              .get("id")
              .asText();

      JsonNode counted =
          world.ok(200, "POST", "/api/v1/breaches/" + id + "/affected/count", dpo, null);

      assertThat(counted.get("incident").get("affectedComputed").asInt()).isEqualTo(2);
      List<String> bySystem = new ArrayList<>();
      for (JsonNode c : counted.get("systemCounts")) {
        bySystem.add(
            c.get("system").asText()
                + " vault="
                + c.get("vaultPeople").asInt()
                + " own="
                + (c.get("systemPeople").isNull() ? "unknown" : c.get("systemPeople").asText()));
      }
      assertThat(bySystem)
          .containsExactly("email-im vault=1 own=unknown", "web-logs vault=1 own=unknown");
      assertThat(counted.get("timeline").findValuesAsText("detail"))
          .anyMatch(d -> d.contains("unknown-for=email-im,web-logs"));

      // A connected system that can count plugs in beside the vault.
      List<String> asked = new ArrayList<>();
      PeopleCounter webLogs =
          new PeopleCounter() {
            @Override
            public String systemId() {
              return "web-logs";
            }

            @Override
            public long countPeople(Set<String> categories, Instant from, Instant to) {
              asked.add(categories + " " + from + ".." + to);
              return 40;
            }
          };
      Incidents incidents =
          new Incidents(
              world.node.database(),
              world.node.policies(),
              world.node.vault().vault(),
              world.node.outbox(),
              world.node.audit(),
              world.clock,
              List.of(webLogs));
      Principal staff =
          new Principal.Staff(UUID.randomUUID(), Role.DPO, EnumSet.allOf(Permission.class), null);

      BreachDetail detail = incidents.countAffected(staff, UUID.fromString(id));

      assertThat(asked)
          .containsExactly("[contact, device] 2026-02-01T00:00:00Z..2026-03-01T00:00:00Z");
      assertThat(detail.incident().affectedComputed()).isEqualTo(40);
      assertThat(detail.incident().affected()).isEqualTo(40);
      assertThat(detail.systemCounts())
          .containsExactly(
              new SystemCount("email-im", 1, null), new SystemCount("web-logs", 1, 40));
    }
  }
}
