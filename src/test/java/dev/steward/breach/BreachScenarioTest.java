package dev.steward.breach;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.principal.Role;
import dev.steward.store.Engine;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The breach register end to end over the API, on both engines: record an incident, count the
 * people it reached in the vault, see the regulator's 72-hour clock with its time left, decide,
 * notify the regulator and write to the people through the outbox, and export the timeline.
 */
class BreachScenarioTest {
  private static final Instant NOW = Instant.parse("2026-03-05T12:00:00Z");

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void recordCountSeeTheClockNotifyAndExport(Engine engine) throws Exception {
    try (BreachWorld world = new BreachWorld(engine, NOW)) {
      String dpo = world.staff(Role.DPO);
      // Three people with records in mainland China's storage collected in February, one of them
      // without an email address; one whose record is older; one in another system.
      world.person(
          "ana@example.com",
          "china-storage",
          "contact.email",
          "ana@example.com",
          Instant.parse("2026-02-10T09:00:00Z"));
      world.person(
          "bo@example.com",
          "china-storage",
          "contact.email",
          "bo@example.com",
          Instant.parse("2026-02-20T09:00:00Z"));
      world.person(
          "cy@example.com",
          "china-storage",
          "identification.name",
          "Cy Example",
          Instant.parse("2026-02-15T09:00:00Z"));
      world.person(
          "di@example.com",
          "china-storage",
          "contact.email",
          "di@example.com",
          Instant.parse("2026-01-10T09:00:00Z"));
      world.person(
          "ed@example.com",
          "web-logs",
          "device.ip_address",
          "203.0.113.9",
          Instant.parse("2026-02-12T09:00:00Z"));

      // A bad body changes nothing and is answered as problem+json.
      HttpResponse<String> refused =
          world.call(
              "POST",
              "/api/v1/breaches",
              dpo,
              "{\"title\":\"x\",\"whatHappened\":\"y\",\"awareAt\":\"2026-03-05T10:00:00Z\","
                  + "\"systems\":[\"no-such-system\"],\"categories\":[\"contact\"]}");
      assertThat(refused.statusCode()).isEqualTo(422);
      assertThat(refused.headers().firstValue("Content-Type").orElse(""))
          .startsWith("application/problem+json");
      assertThat(refused.body()).contains("systems");
      assertThat(world.call("POST", "/api/v1/breaches", dpo, "{not json").statusCode())
          .isEqualTo(400);
      assertThat(world.ok(200, "GET", "/api/v1/breaches", dpo, null).get("incidents").size())
          .isZero();

      JsonNode recorded =
          world.ok(
              201,
              "POST",
              "/api/v1/breaches",
              dpo,
              "{\"title\":\"Storage bucket left open\","
                  + "\"whatHappened\":\"A storage bucket was readable without sign-in.\","
                  + "\"beganAt\":\"2026-03-04T22:00:00Z\",\"awareAt\":\"2026-03-05T10:00:00Z\","
                  + "\"howFound\":\"A researcher wrote to us\","
                  + "\"systems\":[\"china-storage\"],\"categories\":[\"contact\","
                  + "\"identification.name\"],\"jurisdictions\":[\"gdpr\",\"pipl\"],"
                  + "\"windowFrom\":\"2026-02-01T00:00:00Z\",\"windowTo\":\"2026-03-01T00:00:00Z\","
                  + "\"consequences\":\"Unwanted email and phishing.\","
                  + "\"measures\":\"The bucket was closed and its keys rotated.\","
                  + "\"risk\":\"high\"}");
      String id = recorded.get("incident").get("id").asText();
      assertThat(recorded.get("incident").get("status").asText()).isEqualTo("suspected");
      String base = "/api/v1/breaches/" + id;

      JsonNode counted = world.ok(200, "POST", base + "/affected/count", dpo, null);
      assertThat(counted.get("incident").get("affected").asInt()).isEqualTo(3);
      assertThat(counted.get("incident").get("affectedComputed").asInt()).isEqualTo(3);
      assertThat(counted.get("incident").get("recordsComputed").asInt()).isEqualTo(3);

      // The GDPR regulator's clock: 72 hours from awareness, 70 of them left at noon.
      JsonNode regulator = clock(world.ok(200, "GET", base, dpo, null), "gdpr", "regulator");
      assertThat(regulator.get("dueAt").asText()).isEqualTo("2026-03-08T10:00:00Z");
      assertThat(regulator.get("secondsLeft").asLong()).isEqualTo(70 * 3600);
      assertThat(regulator.get("state").asText()).isEqualTo("open");
      assertThat(
              clock(world.ok(200, "GET", base, dpo, null), "pipl", "regulator")
                  .get("timing")
                  .asText())
          .isEqualTo("immediately");

      world.ok(
          200,
          "POST",
          base + "/status",
          dpo,
          "{\"status\":\"confirmed\",\"reason\":\"The bucket's access log shows downloads.\"}");
      // Letters before the decision are refused.
      assertThat(world.call("POST", base + "/letters", dpo, "{\"language\":\"en\"}").statusCode())
          .isEqualTo(409);
      world.ok(
          200,
          "POST",
          base + "/decision",
          dpo,
          "{\"notifyRegulator\":true,\"notifyIndividuals\":true,"
              + "\"reasoning\":\"Contact details of identifiable people were downloaded.\"}");

      // The regulator's notification carries Art. 33(3)(a)-(d), in both languages.
      JsonNode draft = world.ok(200, "GET", base + "/drafts/regulator?lang=en", dpo, null);
      assertThat(draft.get("body").asText())
          .contains("(a) The nature of the breach")
          .contains("Approximate number of people concerned: 3")
          .contains("(b) The data protection officer")
          .contains("(c) The likely consequences")
          .contains("Unwanted email and phishing.")
          .contains("(d) The measures taken")
          .contains("The bucket was closed and its keys rotated.");
      JsonNode chinese = world.ok(200, "GET", base + "/drafts/regulator?lang=zh-CN", dpo, null);
      assertThat(chinese.get("body").asText()).contains("（一）").contains("（四）");
      assertThat(world.call("GET", base + "/drafts/regulator?lang=fr", dpo, null).statusCode())
          .isEqualTo(422);

      world.clock.set(Instant.parse("2026-03-06T09:00:00Z"));
      JsonNode told =
          world.ok(
              200,
              "POST",
              base + "/notifications",
              dpo,
              "{\"jurisdiction\":\"gdpr\",\"audience\":\"regulator\",\"note\":\"online form\"}");
      assertThat(clock(told, "gdpr", "regulator").get("state").asText()).isEqualTo("met");

      JsonNode run = world.ok(200, "POST", base + "/letters", dpo, "{\"language\":\"en\"}");
      assertThat(run.get("sent").asInt()).isEqualTo(2);
      assertThat(run.get("withoutAddress").asInt()).isEqualTo(1);
      List<String> letters = awaitLetters(world, 2);
      assertThat(letters)
          .anySatisfy(l -> assertThat(l).startsWith("ana@example.com|Important: an incident"))
          .anySatisfy(l -> assertThat(l).startsWith("bo@example.com|Important: an incident"))
          .allSatisfy(l -> assertThat(l).contains("What we have done"))
          .noneSatisfy(l -> assertThat(l).startsWith("di@example.com"));
      // Again: nobody is written to twice.
      JsonNode again = world.ok(200, "POST", base + "/letters", dpo, "{\"language\":\"zh-CN\"}");
      assertThat(again.get("sent").asInt()).isZero();
      assertThat(again.get("alreadySent").asInt()).isEqualTo(2);

      JsonNode detail = world.ok(200, "GET", base, dpo, null);
      assertThat(detail.get("letters").size()).isEqualTo(2);
      assertThat(clock(detail, "gdpr", "individuals").get("state").asText()).isEqualTo("met");

      JsonNode exported =
          BreachWorld.json(world.call("GET", base + "/export?format=json", dpo, null));
      List<String> kinds = new ArrayList<>();
      exported.get("timeline").forEach(e -> kinds.add(e.get("kind").asText()));
      assertThat(kinds)
          .containsExactly(
              "recorded",
              "affected-counted",
              "confirmed",
              "decided",
              "notified",
              "letters-sent",
              "letters-sent");
      byte[] pdf = world.bytes(base + "/export?format=pdf&lang=zh-CN", dpo);
      assertThat(new String(pdf, 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");

      // The audit log names each change of the incident.
      JsonNode audit =
          world.ok(200, "GET", "/api/v1/audit/entries?limit=1000", world.staff(Role.AUDITOR), null);
      List<String> actions = new ArrayList<>();
      audit.get("entries").forEach(e -> actions.add(e.get("action").asText()));
      assertThat(actions)
          .contains(
              "breach.recorded",
              "breach.affected-counted",
              "breach.decided",
              "breach.notified",
              "breach.letter-sent",
              "breach.exported");
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void aNoticePastItsDueTime_needsAReason_andIsShownLate(Engine engine) {
    try (BreachWorld world = new BreachWorld(engine, NOW)) {
      String dpo = world.staff(Role.DPO);
      String id =
          world
              .ok(
                  201,
                  "POST",
                  "/api/v1/breaches",
                  dpo,
                  "{\"title\":\"Laptop stolen\",\"whatHappened\":\"A laptop was stolen.\","
                      + "\"awareAt\":\"2026-03-01T08:00:00Z\",\"systems\":[\"employee-records\"],"
                      + "\"categories\":[\"contact\"],\"jurisdictions\":[\"uk_gdpr\"]}")
              .get("incident")
              .get("id")
              .asText();
      String base = "/api/v1/breaches/" + id;
      HttpResponse<String> refused =
          world.call(
              "POST",
              base + "/notifications",
              dpo,
              "{\"jurisdiction\":\"uk_gdpr\",\"audience\":\"regulator\"}");
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
      assertThat(refused.body()).contains("lateReason");
      JsonNode unchanged = world.ok(200, "GET", base, dpo, null);
      assertThat(unchanged.get("timeline").size()).isEqualTo(1);
      assertThat(clock(unchanged, "uk_gdpr", "regulator").get("state").asText())
          .isEqualTo("overdue");

      JsonNode late =
          world.ok(
              200,
              "POST",
              base + "/notifications",
              dpo,
              "{\"jurisdiction\":\"uk_gdpr\",\"audience\":\"regulator\","
                  + "\"lateReason\":\"The theft was reported to us by the police only.\"}");
      JsonNode c = clock(late, "uk_gdpr", "regulator");
      assertThat(c.get("state").asText()).isEqualTo("late");
      assertThat(c.get("lateReason").asText()).contains("police");
      // Once given, the same notice is not recorded twice.
      assertThat(
              world
                  .call(
                      "POST",
                      base + "/notifications",
                      dpo,
                      "{\"jurisdiction\":\"uk_gdpr\",\"audience\":\"regulator\","
                          + "\"lateReason\":\"again\"}")
                  .statusCode())
          .isEqualTo(409);
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void changesNeedAReason_aNumberSetByHandKeepsTheCount_andADismissedIncidentStaysAsItWas(
      Engine engine) {
    try (BreachWorld world = new BreachWorld(engine, NOW)) {
      String dpo = world.staff(Role.DPO);
      world.person(
          "fay@example.com",
          "employee-records",
          "contact.email",
          "fay@example.com",
          Instant.parse("2026-02-10T09:00:00Z"));
      String base =
          "/api/v1/breaches/"
              + world
                  .ok(
                      201,
                      "POST",
                      "/api/v1/breaches",
                      dpo,
                      "{\"title\":\"Backup tape missing\",\"whatHappened\":\"A tape is missing.\","
                          + "\"awareAt\":\"2026-03-05T11:00:00Z\","
                          + "\"systems\":[\"employee-records\"],\"categories\":[\"contact\"],"
                          + "\"jurisdictions\":[\"ccpa\"]}")
                  .get("incident")
                  .get("id")
                  .asText();

      HttpResponse<String> noReason =
          world.call("PATCH", base, dpo, "{\"measures\":\"Tapes are now encrypted.\"}");
      assertThat(noReason.statusCode()).isEqualTo(422);
      assertThat(noReason.body()).contains("reason");
      HttpResponse<String> unknownField =
          world.call("PATCH", base, dpo, "{\"reason\":\"x\",\"colour\":\"red\"}");
      assertThat(unknownField.statusCode()).isEqualTo(422);
      JsonNode changed =
          world.ok(
              200,
              "PATCH",
              base,
              dpo,
              "{\"measures\":\"Tapes are now encrypted.\",\"risk\":\"risk\","
                  + "\"reason\":\"The vendor confirmed the loss.\"}");
      assertThat(changed.get("incident").get("measures").asText())
          .isEqualTo("Tapes are now encrypted.");
      JsonNode last = changed.get("timeline").get(changed.get("timeline").size() - 1);
      assertThat(last.get("kind").asText()).isEqualTo("changed");
      assertThat(last.get("detail").asText())
          .contains("measures")
          .contains("risk=risk")
          .contains("The vendor confirmed the loss.");

      world.ok(200, "POST", base + "/affected/count", dpo, null);
      JsonNode set =
          world.ok(
              200,
              "POST",
              base + "/affected",
              dpo,
              "{\"count\":620,\"reason\":\"The tape also held 619 former staff not in the vault.\"}");
      assertThat(set.get("incident").get("affected").asInt()).isEqualTo(620);
      assertThat(set.get("incident").get("affectedComputed").asInt()).isEqualTo(1);
      // More than 500 Californians: the Attorney General's clock waits for the residents' notice.
      assertThat(clock(set, "ccpa", "regulator").get("state").asText()).isEqualTo("waiting");
      // A count made again keeps the number staff set.
      assertThat(
              world
                  .ok(200, "POST", base + "/affected/count", dpo, null)
                  .get("incident")
                  .get("affected")
                  .asInt())
          .isEqualTo(620);

      world.ok(
          200,
          "POST",
          base + "/status",
          dpo,
          "{\"status\":\"dismissed\",\"reason\":\"The tape was found in the safe.\"}");
      JsonNode before = world.ok(200, "GET", base, dpo, null);
      assertThat(world.call("PATCH", base, dpo, "{\"title\":\"x\",\"reason\":\"y\"}").statusCode())
          .isEqualTo(409);
      assertThat(
              world
                  .call(
                      "POST",
                      base + "/status",
                      dpo,
                      "{\"status\":\"confirmed\",\"reason\":\"changed our mind\"}")
                  .statusCode())
          .isEqualTo(409);
      JsonNode after = world.ok(200, "GET", base, dpo, null);
      assertThat(after.get("timeline")).isEqualTo(before.get("timeline"));
      assertThat(after.get("clocks"))
          .allSatisfy(c -> assertThat(c.get("state").asText()).isEqualTo("closed"));
    }
  }

  private static JsonNode clock(JsonNode detail, String jurisdiction, String audience) {
    for (JsonNode c : detail.get("clocks")) {
      if (c.get("jurisdiction").asText().equals(jurisdiction)
          && c.get("audience").asText().equals(audience)) {
        return c;
      }
    }
    throw new AssertionError("no " + jurisdiction + " " + audience + " clock in " + detail);
  }

  private static List<String> awaitLetters(BreachWorld world, int count) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline && world.smtp.getReceivedMessages().length < count) {
      world.smtp.waitForIncomingEmail(500, count);
    }
    return world.letters();
  }
}
