package dev.steward.breach;

import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.principal.Role;
import dev.steward.store.Engine;
import dev.steward.web.ApiRoute;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every breach route of the registry against every staff role: {@code dpo} and {@code admin} manage
 * incidents, {@code auditor} only reads, {@code analyst} and {@code agent} get nothing. A breach
 * route added without a place in {@link #READS} or {@link #CHANGES} fails here.
 */
class BreachRolesTest {
  private static final Set<String> READS =
      Set.of(
          "GET /api/v1/breaches",
          "GET /api/v1/breaches/{id}",
          "GET /api/v1/breaches/{id}/drafts/{kind}",
          "GET /api/v1/breaches/{id}/export");
  private static final Set<String> CHANGES =
      Set.of(
          "POST /api/v1/breaches",
          "PATCH /api/v1/breaches/{id}",
          "POST /api/v1/breaches/{id}/status",
          "POST /api/v1/breaches/{id}/affected/count",
          "POST /api/v1/breaches/{id}/affected",
          "POST /api/v1/breaches/{id}/decision",
          "POST /api/v1/breaches/{id}/notifications",
          "POST /api/v1/breaches/{id}/letters");

  @Test
  void onlyDpoAndAdminChange_auditorReads_othersAreRefused_andARefusalChangesNothing() {
    try (BreachWorld world = new BreachWorld(Engine.H2, Instant.parse("2026-03-05T12:00:00Z"))) {
      Map<Role, String> tokens = new EnumMap<>(Role.class);
      for (Role role : Role.values()) {
        tokens.put(role, world.staff(role));
      }
      String id =
          world
              .ok(
                  201,
                  "POST",
                  "/api/v1/breaches",
                  tokens.get(Role.DPO),
                  "{\"title\":\"Mail sent to the wrong list\",\"whatHappened\":\"A list mix-up.\","
                      + "\"awareAt\":\"2026-03-05T08:00:00Z\",\"systems\":[\"email-im\"],"
                      + "\"categories\":[\"contact\"]}")
              .get("incident")
              .get("id")
              .asText();

      List<String> breachRoutes = new ArrayList<>();
      for (ApiRoute route : world.node.routes().routes()) {
        if (route.path().startsWith("/api/v1/breaches")) {
          breachRoutes.add(route.method() + " " + route.path());
        }
      }
      assertThat(breachRoutes).containsExactlyInAnyOrderElementsOf(union());

      List<String> wrong = new ArrayList<>();
      for (String route : breachRoutes) {
        String method = route.substring(0, route.indexOf(' '));
        String path =
            route
                .substring(route.indexOf(' ') + 1)
                .replace("{id}", id)
                .replace("{kind}", "regulator");
        boolean reads = READS.contains(route);
        for (Role role : Role.values()) {
          boolean allowed =
              role == Role.ADMIN || role == Role.DPO || (reads && role == Role.AUDITOR);
          // An empty object: the allowed roles get past the check to a 4xx of the body or a 2xx.
          HttpResponse<String> answer =
              world.call(method, path, tokens.get(role), method.equals("GET") ? null : "{}");
          int status = answer.statusCode();
          if (allowed ? (status == 401 || status == 403) : status != 403) {
            wrong.add(role.id() + " " + route + " -> " + status);
          }
        }
      }
      assertThat(wrong).isEmpty();
      // Of all those calls, only counting needs no body: every other change was refused on its
      // empty body or its caller's role before anything was written.
      List<String> kinds = new ArrayList<>();
      world
          .ok(200, "GET", "/api/v1/breaches/" + id, tokens.get(Role.AUDITOR), null)
          .get("timeline")
          .forEach(e -> kinds.add(e.get("kind").asText()));
      assertThat(kinds).containsExactly("recorded", "affected-counted", "affected-counted");
    }
  }

  private static Set<String> union() {
    Set<String> all = new java.util.TreeSet<>(READS);
    all.addAll(CHANGES);
    return all;
  }
}
