package dev.steward.request;

import static dev.steward.request.RequestWorld.instant;
import static dev.steward.request.RequestWorld.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.steward.fulfilment.FulfilmentSettings;
import dev.steward.principal.Principal;
import dev.steward.store.Engine;
import dev.steward.vault.Identity;
import dev.steward.vault.NewDisclosure;
import dev.steward.vault.NewRecord;
import dev.steward.vault.NewSubject;
import dev.steward.vault.Provenance;
import dev.steward.vault.ReturningPerson;
import dev.steward.vault.Vault;
import dev.steward.web.Webhook;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A tour of fulfilment over HTTP on both engines: each request type from start to its end state,
 * with the completion letter received over SMTP and the outside endpoints (purge webhook,
 * portability receiver, Art. 19 webhook) played by a local HTTP server.
 */
class FulfilmentTourTest {
  private static final Principal SETUP = new Principal.System("test");
  private static final Map<Engine, RequestWorld> WORLDS = new EnumMap<>(Engine.class);
  private static final String SECRET = "a purge secret for tests";
  private static final RecordingEndpoints ENDPOINTS = new RecordingEndpoints();
  private static final List<String> CALLS = ENDPOINTS.calls();

  static RequestWorld world(Engine engine) {
    return WORLDS.computeIfAbsent(
        engine,
        e ->
            RequestWorld.start(
                e,
                instant("2026-06-01T09:00", "UTC"),
                new FulfilmentSettings(
                    Optional.of(
                        new Webhook(
                            "purge-webhook",
                            ENDPOINTS.uri("/purge"),
                            SECRET,
                            Duration.ofSeconds(10))),
                    Map.of("crm-cloud", ENDPOINTS.uri("/art19").toString()),
                    "",
                    Duration.ofDays(7),
                    Duration.ofSeconds(1),
                    true)));
  }

  @AfterAll
  static void close() {
    WORLDS.values().forEach(RequestWorld::close);
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void access_endsInAPackageDownloadedBySignedLink_andForgedOrExpiredLinksServeNothing(
      Engine engine) throws IOException {
    RequestWorld world = world(engine);
    String to = "access-" + engine.name().toLowerCase() + "@example.co.uk";
    UUID subject = subject(world, to);
    record(world, subject, "contact.email", "the-person", "inquiries", to);
    record(world, subject, "applicant.third_party_input", "recruiters", "recruitment", "Ref: Bo");
    disclose(world, subject, "crm-cloud", "contact.email");

    UUID id = startVerified(world, "access", to);

    String letter = RequestWorld.body(world.letter(to, "is complete"));
    String path = link(letter);
    // The letter leads to the privacy center's page, which explains the package and links it.
    HttpResponse<byte[]> shown = download(world, page(path));
    assertThat(shown.statusCode()).isEqualTo(200);
    assertThat(new String(shown.body(), StandardCharsets.UTF_8))
        .contains("Your data is ready")
        .contains("href=\"" + path.replace("&", "&amp;") + "\"");
    HttpResponse<byte[]> zip = download(world, path);
    assertThat(zip.statusCode()).isEqualTo(200);
    Map<String, String> files = unzip(zip.body());
    assertThat(files).containsKeys("data.json", "report.html", "contact.email.csv");
    assertThat(files.get("data.json")).contains(to, "[redacted: about another person]");
    assertThat(files.get("data.json")).doesNotContain("Ref: Bo");
    assertThat(files.get("report.html")).contains("Who we actually gave it to", to);
    assertThat(world.state(id)).isEqualTo("completed");

    HttpResponse<byte[]> forged =
        download(world, path.replaceAll("sig=[^&]+", "sig=" + "A".repeat(43)));
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(forged.headers().firstValue("Content-Type").orElse(""))
        .contains("application/problem+json");
    world.clock.set(world.clock.instant().plus(Duration.ofDays(8)));
    HttpResponse<byte[]> expired = download(world, path);
    assertThat(expired.statusCode()).isEqualTo(410);
    assertThat(new String(expired.body(), StandardCharsets.UTF_8)).doesNotContain(to);
    HttpResponse<byte[]> expiredPage = download(world, page(path));
    assertThat(expiredPage.statusCode()).isEqualTo(410);
    assertThat(new String(expiredPage.body(), StandardCharsets.UTF_8))
        .contains("This link has expired")
        .doesNotContain("Download my data")
        .doesNotContain(to);
    HttpResponse<byte[]> forgedPage =
        download(world, page(path).replaceAll("sig=[^&]+", "sig=" + "A".repeat(43)));
    assertThat(forgedPage.statusCode()).isEqualTo(403);
    assertThat(new String(forgedPage.body(), StandardCharsets.UTF_8))
        .contains("This link does not work");
    world.clock.set(world.clock.instant().minus(Duration.ofDays(8)));
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void access_eachRecord_listsThePurposeItWasCollectedFor_notEveryPurposeOfItsCategory(
      Engine engine) throws IOException {
    RequestWorld world = world(engine);
    String to = "purposes-" + engine.name().toLowerCase() + "@example.co.uk";
    UUID subject = subject(world, to);
    record(world, subject, "contact.email", "the-person", "inquiries", to);

    startVerified(world, "access", to);

    Map<String, String> files =
        unzip(download(world, link(RequestWorld.body(world.letter(to, "is complete")))).body());
    var category =
        dev.steward.web.Json.mapper().readTree(files.get("data.json")).get("categories").get(0);
    String inquiries = "Answering questions and feedback from customers, prospects and suppliers";
    assertThat(category.get("id").asText()).isEqualTo("contact.email");
    assertThat(category.get("purposes").toString()).isEqualTo("[\"" + inquiries + "\"]");
    assertThat(category.get("items").get(0).get("purposes").toString())
        .isEqualTo("[\"" + inquiries + "\"]");
    // The policy allows contact details for marketing too; this record was not collected for it.
    assertThat(files.get("data.json")).doesNotContain("Sending marketing messages");
    assertThat(files.get("contact.email.csv")).contains(inquiries);
    assertThat(files.get("report.html")).contains("Collected for", inquiries);
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void erasure_keepsTheLegalObligationItem_listsIt_andTellsTheRecipient(Engine engine) {
    RequestWorld world = world(engine);
    String to = "erase-" + engine.name().toLowerCase() + "@example.co.uk";
    UUID subject = subject(world, to);
    record(world, subject, "contact.email", "the-person", "inquiries", to);
    record(world, subject, "compliance.kyc", "the-person", "legal-compliance", "passport seen");
    disclose(world, subject, "crm-cloud", "contact.email");

    UUID id = startVerified(world, "erasure", to);

    String letter = RequestWorld.body(world.letter(to, "is complete"));
    assertThat(letter).contains("compliance.kyc", "legal-obligation");
    assertThat(world.state(id)).isEqualTo("completed");
    assertThat(CALLS).anyMatch(call -> call.startsWith("/art19") && call.contains(id.toString()));
    assertThat(count(world, "recipient_notification where request_id = '" + id + "'")).isEqualTo(1);
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void restrictionObjectionWithdrawal_areRecordedAndCompleted(Engine engine) {
    RequestWorld world = world(engine);
    for (String type : List.of("restriction", "objection", "withdraw_consent")) {
      String to = type.replace('_', '-') + "-" + engine.name().toLowerCase() + "@example.co.uk";
      UUID subject = subject(world, to);
      record(world, subject, "contact.email", "the-person", "inquiries", to);
      UUID id = startVerified(world, type, to);
      world.letter(to, "is complete");
      assertThat(world.state(id)).as(type).isEqualTo("completed");
    }
    assertThat(count(world, "subject_restriction")).isGreaterThanOrEqualTo(1);
    assertThat(count(world, "subject_objection")).isGreaterThanOrEqualTo(2);
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void contentRemoval_callsThePurgeWebhookAndKeepsItsAnswer(Engine engine) {
    RequestWorld world = world(engine);
    HttpResponse<String> filed =
        world.post(
            "/api/v1/content-removals",
            world.customer,
            "{\"email\":\"noc-"
                + engine.name().toLowerCase()
                + "@media.example\","
                + "\"details\":\"remove the launch video\"}");
    UUID id = world.idOf(RequestWorld.reference(filed));
    assertThat(
            world
                .post(
                    "/api/v1/requests/" + id + "/instructions",
                    world.dpo,
                    "{\"contentUrls\":[\"https://cdn.media.example/video/launch.mp4\"]}")
                .statusCode())
        .isEqualTo(204);
    assertThat(json(world.act(id, "start", null)).get("state").asText())
        .isEqualTo("awaiting_systems");
    RequestWorld.eventually("the request completes", () -> world.state(id).equals("completed"));
    assertThat(CALLS).anyMatch(call -> call.startsWith("/purge") && call.contains("launch.mp4"));
    assertThat(count(world, "content_purge where request_id = '" + id + "'")).isEqualTo(1);
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void rectificationPortabilityAndCcpaDelete_reachTheirEnds(Engine engine) {
    RequestWorld world = world(engine);
    String name = engine.name().toLowerCase();
    String fixed = "fix-" + name + "@example.co.uk";
    UUID subject = subject(world, fixed);
    UUID wrong =
        record(world, subject, "identification.job_title", "the-person", "inquiries", "Cleark");
    disclose(world, subject, "crm-cloud", "identification.job_title");
    UUID rectification = world.log("rectification", "GB", fixed, world.clock.instant());
    instruct(
        world,
        rectification,
        "{\"corrections\":[{\"itemId\":\"" + wrong + "\",\"value\":\"Clerk\"}]}");
    start(world, rectification);
    world.letter(fixed, "is complete");
    assertThat(vault(world).readRecords(SETUP, subject, "inquiries").get(0).value())
        .isEqualTo("Clerk");
    assertThat(CALLS).anyMatch(c -> c.startsWith("/art19") && c.contains(rectification.toString()));

    String moving = "move-" + name + "@example.co.uk";
    UUID mover = subject(world, moving);
    record(world, mover, "contact.email", "the-person", "inquiries", moving);
    record(world, mover, "service.feedback", "customers", "inquiries", "said by a customer");
    UUID portability = world.log("portability", "GB", moving, world.clock.instant());
    instruct(world, portability, "{\"portabilityEndpoint\":\"" + ENDPOINTS.uri("/receive") + "\"}");
    start(world, portability);
    assertThat(RequestWorld.body(world.letter(moving, "is complete"))).contains("delivered");
    assertThat(
            count(
                world,
                "portability_transmission where request_id = '"
                    + portability
                    + "' and outcome = 'delivered' and host = '127.0.0.1'"))
        .isEqualTo(1);

    String californian = "ca-" + name + "@example.com";
    UUID consumer = subject(world, californian);
    record(world, consumer, "contact.email", "the-person", "inquiries", californian);
    UUID delete = world.log("delete", "US-CA", californian, world.clock.instant());
    start(world, delete);
    world.letter(californian, "is complete");
    assertThat(world.state(delete)).isEqualTo("completed");
  }

  static void instruct(RequestWorld world, UUID id, String json) {
    assertThat(world.post("/api/v1/requests/" + id + "/instructions", world.dpo, json).statusCode())
        .isEqualTo(204);
  }

  static void start(RequestWorld world, UUID id) {
    assertThat(world.act(id, "verify", "{\"method\":\"passport seen\"}").statusCode())
        .isEqualTo(200);
    assertThat(json(world.act(id, "start", null)).get("state").asText())
        .isEqualTo("awaiting_systems");
  }

  private static UUID startVerified(RequestWorld world, String type, String email) {
    UUID id = world.log(type, "GB", email, world.clock.instant());
    assertThat(world.act(id, "verify", "{\"method\":\"passport seen\"}").statusCode())
        .isEqualTo(200);
    assertThat(json(world.act(id, "start", null)).get("state").asText())
        .isEqualTo("awaiting_systems");
    return id;
  }

  static UUID subject(RequestWorld world, String email) {
    return vault(world)
        .createSubject(
            SETUP,
            NewSubject.of("customer-contacts", List.of(Identity.email(email))),
            ReturningPerson.REFUSE);
  }

  static UUID record(
      RequestWorld world,
      UUID subject,
      String category,
      String source,
      String purpose,
      String value) {
    Provenance provenance =
        new Provenance(
            source,
            "email-im",
            Set.of(purpose),
            purpose.equals("legal-compliance") ? "dpv:LegalObligation" : "dpv:Contract",
            world.clock.instant(),
            null);
    return vault(world)
        .addRecords(SETUP, List.of(new NewRecord(subject, category, provenance, value)))
        .get(0);
  }

  static void disclose(RequestWorld world, UUID subject, String to, String category) {
    vault(world)
        .disclosures()
        .record(
            SETUP,
            List.of(
                new NewDisclosure(
                    subject,
                    to,
                    Set.of(category),
                    world.clock.instant(),
                    "inquiries",
                    "dpv:Contract",
                    null)));
  }

  static Vault vault(RequestWorld world) {
    return world.node.vault().vault();
  }

  static int count(RequestWorld world, String from) {
    return world
        .node
        .database()
        .jdbi()
        .withHandle(h -> h.createQuery("select count(*) from " + from).mapTo(Integer.class).one());
  }

  /**
   * The API path behind the letter's link: the letter leads to the privacy center's download page,
   * which links the package at the same id and query under the API.
   */
  static String link(String letter) {
    Matcher matcher = Pattern.compile("https?://[^/\\s]+/download/(\\S+)").matcher(letter);
    assertThat(matcher.find()).as(letter).isTrue();
    return "/api/v1/access-packages/" + matcher.group(1);
  }

  /** The privacy center's page for the package at this API path. */
  static String page(String apiPath) {
    return apiPath.replace("/api/v1/access-packages/", "/download/");
  }

  static HttpResponse<byte[]> download(RequestWorld world, String path) {
    try {
      return HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(world.uri(path)).GET().build(),
              HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException | InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  static Map<String, String> unzip(byte[] zip) throws IOException {
    Map<String, String> files = new java.util.HashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    return files;
  }

  static Instant now() {
    return Instant.now();
  }
}
