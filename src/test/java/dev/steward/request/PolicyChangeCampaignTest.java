package dev.steward.request;

import static dev.steward.request.RequestWorld.instant;
import static dev.steward.request.RequestWorld.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.campaign.ChangeCampaigns;
import dev.steward.consent.ConsentEvent;
import dev.steward.consent.Party;
import dev.steward.principal.Principal;
import dev.steward.store.Engine;
import dev.steward.vault.Identity;
import dev.steward.vault.NewSubject;
import dev.steward.vault.ReturningPerson;
import dev.steward.web.Json;
import dev.steward.web.PublicUrl;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Publishing a significant change tells each person with an email address and a current
 * relationship once, in letters queued a few at a time, and a campaign picks up where it stopped
 * after a restart.
 */
class PolicyChangeCampaignTest {
  private static final Principal SETUP = new Principal.System("test");

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void aSignificantChange_reachesEachCurrentPersonWithAnAddressOnce_acrossARestart(Engine engine)
      throws Exception {
    try (RequestWorld world = RequestWorld.start(engine, instant("2026-03-02T09:00", "UTC"))) {
      String tag = engine.name().toLowerCase();
      List<String> told =
          List.of(
              "ann-" + tag + "@example.test",
              "bo-" + tag + "@example.test",
              "cy-" + tag + "@example.test");
      for (String email : told) {
        withEmail(world, email, null);
      }
      String ended = "ended-" + tag + "@example.test";
      withEmail(world, ended, LocalDate.parse("2026-01-31"));
      String erased = "erased-" + tag + "@example.test";
      UUID gone = withEmail(world, erased, null);
      FulfilmentTourTest.vault(world).erase(SETUP, gone, "asked to be forgotten", null, List.of());
      FulfilmentTourTest.subject(world, "no-address-" + tag + "@example.test");

      UUID annId = subjectOf(world, told.get(0));
      world.node.consent().ledger().record(SETUP, newsletterConsent(annId, "newsletter"));
      world.node.consent().ledger().record(SETUP, newsletterConsent(annId, "inquiries"));

      // Nothing to announce while only one version exists.
      assertThat(offers(world)).isEmpty();
      HttpResponse<String> tooEarly =
          world.post("/api/v1/campaigns", world.dpo, "{\"version\":\"2019-10\"}");
      assertThat(tooEarly.statusCode()).as(tooEarly.body()).isEqualTo(409);

      // The newsletter, which rests on consent, now also uses the job title: a wider purpose.
      publish(
          world,
          "2026-04",
          text ->
              text.replace(
                  "categories: [identification.name, contact.email, marketing.mailing_list,"
                      + " device.email_open]",
                  "categories: [identification.name, identification.job_title, contact.email,"
                      + " marketing.mailing_list, device.email_open]"));
      assertThat(offers(world)).containsExactly("2026-04");
      HttpResponse<String> agentTry =
          world.post("/api/v1/campaigns", world.agent, "{\"version\":\"2026-04\"}");
      assertThat(agentTry.statusCode()).isEqualTo(403);

      HttpResponse<String> started =
          world.post("/api/v1/campaigns", world.dpo, "{\"version\":\"2026-04\"}");
      assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
      UUID campaign = UUID.fromString(json(started).get("id").asText());
      assertThat(json(started).get("reconsentPurposes").toString()).contains("newsletter");
      // The consent to the widened newsletter is asked again, not assumed; the other one stands.
      List<ConsentEvent> history =
          world
              .node
              .consent()
              .ledger()
              .history(SETUP, new Party(Party.Kind.SUBJECT, annId.toString()));
      assertThat(history)
          .filteredOn(e -> e.kind() == ConsentEvent.Kind.EXPIRED)
          .singleElement()
          .satisfies(e -> assertThat(e.purposes()).containsExactly("newsletter"));
      HttpResponse<String> twice =
          world.post("/api/v1/campaigns", world.dpo, "{\"version\":\"2026-04\"}");
      assertThat(twice.statusCode()).isEqualTo(409);
      assertThat(offers(world)).isEmpty();

      // One node sends two letters and stops; another, started later on the same store, finishes.
      ChangeCampaigns first = campaigns(world, 2);
      assertThat(first.run()).isEqualTo(2);
      ChangeCampaigns afterRestart = campaigns(world, 300);
      afterRestart.run();
      afterRestart.run();
      JsonNode progress = json(world.get("/api/v1/campaigns/" + campaign, world.dpo));
      assertThat(progress.get("state").asText()).isEqualTo("done");
      assertThat(progress.get("sent").asInt()).isEqualTo(3);
      assertThat(progress.get("pending").asInt()).isZero();
      assertThat(afterRestart.run()).isZero();

      List<MimeMessage> letters = world.letters(3);
      Map<String, Long> perPerson =
          letters.stream()
              .filter(
                  m -> RequestWorld.subjectOf(m).contains("2026-04") || body(m).contains("2026-04"))
              .collect(Collectors.groupingBy(RequestWorld::recipient, Collectors.counting()));
      assertThat(perPerson).containsOnlyKeys(told.toArray(String[]::new));
      assertThat(perPerson.values()).containsOnly(1L);
      String body = body(letters.get(0));
      assertThat(body)
          .contains("/privacy/2026-04")
          .contains("/preferences")
          .contains("say so again")
          .contains("隐私中心");

      // Which version each person was told about.
      JsonNode notices =
          json(world.get("/api/v1/subjects/" + annId + "/policy-notices", world.dpo));
      assertThat(notices.get("versions").get(0).get("version").asText()).isEqualTo("2026-04");
    }
  }

  private static UUID withEmail(RequestWorld world, String email, LocalDate relationshipEnd) {
    UUID subject =
        FulfilmentTourTest.vault(world)
            .createSubject(
                SETUP,
                new NewSubject(
                    "customer-contacts",
                    LocalDate.parse("2020-01-01"),
                    relationshipEnd,
                    null,
                    null,
                    List.of(Identity.email(email))),
                ReturningPerson.REFUSE);
    FulfilmentTourTest.record(world, subject, "contact.email", "customers", "inquiries", email);
    return subject;
  }

  private static UUID subjectOf(RequestWorld world, String email) {
    return ((dev.steward.vault.IdentityMatch.Found)
            FulfilmentTourTest.vault(world).findByIdentity(SETUP, Identity.email(email)))
        .subjectId();
  }

  private static ConsentEvent newsletterConsent(UUID subject, String purpose) {
    UUID id = UUID.randomUUID();
    return new ConsentEvent(
        id,
        id,
        subject,
        null,
        ConsentEvent.Kind.GIVEN,
        "cc-na",
        List.of(purpose),
        List.of("contact.email"),
        "dpv:Consent",
        "2019-10",
        "0".repeat(64),
        "form",
        java.time.Instant.parse("2026-03-01T10:00:00Z"),
        null,
        List.of("email"),
        "test",
        "api");
  }

  private static ChangeCampaigns campaigns(RequestWorld world, int perRun) {
    return new ChangeCampaigns(
        world.node.database(),
        world.node.policies(),
        world.node.vault().vault(),
        world.node.consent().ledger(),
        world.node.outbox(),
        world.node.audit(),
        PublicUrl.of("https://privacy.example.test"),
        world.clock,
        perRun);
  }

  private static List<String> offers(RequestWorld world) {
    JsonNode list = json(world.get("/api/v1/campaigns", world.dpo));
    return java.util.stream.StreamSupport.stream(list.get("offers").spliterator(), false)
        .map(o -> o.get("version").asText())
        .toList();
  }

  private static void publish(RequestWorld world, String version, Function<String, String> edit)
      throws IOException {
    String text;
    try (InputStream in =
        PolicyChangeCampaignTest.class
            .getClassLoader()
            .getResourceAsStream("policy/bundled-policy.yaml")) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String edited =
        edit.apply(
            text.replace("version: \"2019-10\"", "version: \"" + version + "\"")
                .replaceFirst(
                    "effective_date: \"2019-10\"", "effective_date: \"" + version + "\""));
    assertThat(edited).isNotEqualTo(text);
    String body =
        Json.mapper()
            .writeValueAsString(Map.of("file", "policy.yaml", "text", edited, "checkOnly", false));
    HttpResponse<String> published = world.post("/api/v1/policy/versions", world.dpo, body);
    assertThat(published.statusCode()).as(published.body()).isEqualTo(201);
  }

  private static String body(MimeMessage message) {
    try {
      return RequestWorld.body(message);
    } catch (RuntimeException e) {
      throw new UncheckedIOException(new IOException(e));
    }
  }
}
