package dev.steward.request;

import static dev.steward.request.FulfilmentTourTest.download;
import static dev.steward.request.FulfilmentTourTest.link;
import static dev.steward.request.FulfilmentTourTest.record;
import static dev.steward.request.FulfilmentTourTest.subject;
import static dev.steward.request.FulfilmentTourTest.unzip;
import static dev.steward.request.FulfilmentTourTest.vault;
import static dev.steward.request.RequestWorld.instant;
import static dev.steward.request.RequestWorld.json;
import static dev.steward.request.RequestWorld.secretIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.fulfilment.DataItem;
import dev.steward.fulfilment.DataSystem;
import dev.steward.fulfilment.ErasureScope;
import dev.steward.fulfilment.FulfilmentSettings;
import dev.steward.fulfilment.Operation;
import dev.steward.fulfilment.SubjectRef;
import dev.steward.fulfilment.SystemResult;
import dev.steward.principal.Principal;
import dev.steward.principal.Role;
import dev.steward.store.Engine;
import dev.steward.vault.KeyDestroyedException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * GDPR Art. 17 reaches every copy: an access package downloaded before an erasure answers 410 after
 * it, its sealed bytes are gone, and the documents and sealed details of the person's earlier
 * requests go with it, while the erasure request keeps its own record as evidence. On both engines,
 * for an erasure by a later rights request and for a staff erasure through the vault.
 */
class ErasureReachesCopiesTest {
  private static final Map<Engine, RequestWorld> WORLDS = new EnumMap<>(Engine.class);
  private static final byte[] PDF = "%PDF-1.7 a scan".getBytes(StandardCharsets.US_ASCII);
  private static final Archive ARCHIVE = new Archive();

  static RequestWorld world(Engine engine) {
    return WORLDS.computeIfAbsent(
        engine,
        e ->
            RequestWorld.start(
                e,
                instant("2026-06-01T09:00", "UTC"),
                bundledPolicy(),
                new FulfilmentSettings(
                    Optional.empty(),
                    Map.of(),
                    "",
                    Duration.ofDays(7),
                    Duration.ofSeconds(1),
                    false),
                List.of(ARCHIVE)));
  }

  @AfterAll
  static void close() {
    WORLDS.values().forEach(RequestWorld::close);
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void packageLink_afterErasureByALaterRequest_isGone_andTheEarlierRequestKeepsNoCopy(Engine engine)
      throws IOException {
    RequestWorld world = world(engine);
    String to = "later-" + engine.name().toLowerCase() + "@example.co.uk";
    UUID subject = subject(world, to);
    record(world, subject, "contact.email", "the-person", "inquiries", to);
    String reference =
        world.submit(
            "{\"type\":\"access\",\"residence\":\"GB\",\"identity\":{\"email\":\""
                + to
                + "\"},\"details\":\"my loyalty card 4711\"}");
    UUID access = world.idOf(reference);
    verifyByDocuments(world, reference, access, secretIn(world.letter(to, "What we need to")));
    assertThat(json(world.act(access, "start", null)).get("state").asText())
        .isEqualTo("awaiting_systems");
    String path = link(RequestWorld.body(world.letter(to, "is complete")));
    HttpResponse<byte[]> before = download(world, path);
    assertThat(before.statusCode()).isEqualTo(200);
    assertThat(unzip(before.body()).get("data.json")).contains(to);

    assertThat(FulfilmentTourTest.count(world, documentsOf(access))).isEqualTo(2);

    String erasureReference =
        world.submit(
            "{\"type\":\"erasure\",\"residence\":\"GB\",\"identity\":{\"email\":\"" + to + "\"}}");
    UUID erasure = world.idOf(erasureReference);
    world.letters(to, "What we need to", 2);
    verifyByDocuments(
        world, erasureReference, erasure, secretIn(world.letter(to, "What we need to")));
    assertThat(json(world.act(erasure, "start", null)).get("state").asText())
        .isEqualTo("awaiting_systems");
    world.letters(to, "is complete", 2);
    RequestWorld.eventually(
        "the erasure completes", () -> world.state(erasure).equals("completed"));

    assertGone(world, path, to);
    assertNoCopyLeft(world, access, subject);
    JsonNode evidence = world.detail(erasure);
    assertThat(evidence.at("/contact/email").asText()).isEqualTo(to);
    assertThat(FulfilmentTourTest.count(world, documentsOf(erasure))).isEqualTo(2);
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void packageLink_afterStaffErasureOfTheSubjectItWasMergedInto_isGone(Engine engine)
      throws IOException {
    RequestWorld world = world(engine);
    String to = "staff-" + engine.name().toLowerCase() + "@example.co.uk";
    UUID merged = subject(world, to);
    record(world, merged, "contact.email", "the-person", "inquiries", to);
    UUID access = world.log("access", "GB", to, world.clock.instant());
    FulfilmentTourTest.start(world, access);
    String path = link(RequestWorld.body(world.letter(to, "is complete")));
    assertThat(download(world, path).statusCode()).isEqualTo(200);

    UUID survivor = subject(world, "staff-other-" + engine.name().toLowerCase() + "@example.com");
    vault(world).link(new Principal.System("test"), survivor, merged);
    Principal dpo = new Principal.Staff(world.dpoId, Role.DPO, Role.DPO.permissions(), null);
    vault(world).erase(dpo, survivor, "account closed at the person's request", null, List.of());

    assertGone(world, path, to);
    assertNoCopyLeft(world, access, survivor);
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void accessOfASubjectErasedWhileASystemWasReading_sendsNoPackage_andKeepsNoItems(Engine engine) {
    RequestWorld world = world(engine);
    String to = "racing-" + engine.name().toLowerCase() + "@example.co.uk";
    UUID subject = subject(world, to);
    record(world, subject, "contact.email", "the-person", "inquiries", to);
    ARCHIVE.holdBack(subject);
    UUID access = world.log("access", "GB", to, world.clock.instant());
    FulfilmentTourTest.start(world, access);
    String accessTasks = "fulfilment_task where request_id = '" + access + "'";
    RequestWorld.eventually(
        "the vault's items are sealed and the archive is reading",
        () ->
            ARCHIVE.reading.contains(subject)
                && FulfilmentTourTest.count(
                        world,
                        accessTasks + " and system_id = 'vault' and result_sealed is not null")
                    == 1);

    UUID erasure = world.log("erasure", "GB", to, world.clock.instant());
    FulfilmentTourTest.start(world, erasure);
    RequestWorld.eventually(
        "the erasure completes", () -> world.state(erasure).equals("completed"));
    ARCHIVE.release(subject);
    RequestWorld.eventually("the access completes", () -> world.state(access).equals("completed"));

    List<String> letters =
        world.letters(to, "is complete", 2).stream().map(RequestWorld::body).toList();
    assertThat(letters)
        .noneMatch(
            body -> body.contains("/api/v1/access-packages/") || body.contains("/download/"));
    assertThat(letters).anyMatch(body -> body.contains("no copy left to send you"));
    assertThat(FulfilmentTourTest.count(world, accessTasks + " and result_sealed is not null"))
        .isZero();
    assertThat(
            FulfilmentTourTest.count(
                world, "access_package where request_id = '" + access + "' and sealed is not null"))
        .isZero();
  }

  private static void verifyByDocuments(
      RequestWorld world, String reference, UUID id, String token) {
    assertThat(world.upload(reference, token, "identity", "application/pdf", PDF).statusCode())
        .isEqualTo(202);
    assertThat(world.upload(reference, token, "address", "application/pdf", PDF).statusCode())
        .isEqualTo(202);
    for (JsonNode document : world.detail(id).get("documents")) {
      HttpResponse<String> reviewed =
          world.post(
              "/api/v1/requests/" + id + "/documents/" + document.get("id").asText() + "/review",
              world.dpo,
              "{\"approved\":true}");
      assertThat(reviewed.statusCode()).as(reviewed.body()).isEqualTo(204);
    }
    assertThat(world.state(id)).isEqualTo("verified");
  }

  private static void assertGone(RequestWorld world, String path, String email) {
    HttpResponse<byte[]> after = download(world, path);
    assertThat(after.statusCode()).isEqualTo(410);
    assertThat(after.headers().firstValue("Content-Type").orElse(""))
        .contains("application/problem+json");
    String body = new String(after.body(), StandardCharsets.UTF_8);
    assertThat(body).contains("urn:steward:problem:package-erased").doesNotContain(email);
    // The letter's link leads to the privacy center, which says so in words.
    HttpResponse<byte[]> shown = download(world, FulfilmentTourTest.page(path));
    assertThat(shown.statusCode()).isEqualTo(410);
    assertThat(new String(shown.body(), StandardCharsets.UTF_8))
        .contains("This data has been erased")
        .doesNotContain(email);
  }

  /** The package's bytes, the sealed items, the documents and the request's key are all gone. */
  private static void assertNoCopyLeft(RequestWorld world, UUID access, UUID erased) {
    String where = " where request_id = '" + access + "'";
    assertThat(FulfilmentTourTest.count(world, "access_package" + where + " and sealed is null"))
        .isEqualTo(1);
    assertThat(
            FulfilmentTourTest.count(world, "access_package" + where + " and sealed is not null"))
        .isZero();
    assertThat(
            FulfilmentTourTest.count(
                world, "fulfilment_task" + where + " and result_sealed is not null"))
        .isZero();
    assertThat(
            FulfilmentTourTest.count(
                world,
                "audit_entry where action = 'fulfilment.erase-copies' and object_id = '"
                    + access
                    + "' and detail like '%subject="
                    + erased
                    + "%packages=1%'"))
        .isEqualTo(1);
    assertThat(FulfilmentTourTest.count(world, documentsOf(access))).isZero();
    assertThatThrownBy(() -> world.node.vault().keyring().requestKey(access))
        .isInstanceOf(KeyDestroyedException.class);

    JsonNode detail = world.detail(access);
    assertThat(detail.at("/summary/state").asText()).isEqualTo("completed");
    assertThat(detail.get("contact").toString()).doesNotContain("@", "4711");
    assertThat(detail.get("history").findValuesAsText("action")).contains("personal_data_erased");
    assertThat(
            FulfilmentTourTest.count(
                world,
                "audit_entry where action = 'request.personal_data_erased' and object_id = '"
                    + access
                    + "' and detail like '%"
                    + erased
                    + "%'"))
        .isEqualTo(1);
  }

  private static String documentsOf(UUID request) {
    return "request_document where request_id = '" + request + "'";
  }

  private static Path bundledPolicy() {
    try (var in =
        ErasureReachesCopiesTest.class.getResourceAsStream("/policy/bundled-policy.yaml")) {
      Path file = Files.createTempFile("steward-policy-", ".yaml");
      Files.write(file, in.readAllBytes());
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A second system holding the person's data. For a subject held back, its access waits until the
   * test releases it, as a slow system would, so that the person can be erased meanwhile.
   */
  static final class Archive implements DataSystem {
    final Set<UUID> reading = ConcurrentHashMap.newKeySet();
    private final Map<UUID, CountDownLatch> held = new ConcurrentHashMap<>();

    void holdBack(UUID subject) {
      held.put(subject, new CountDownLatch(1));
    }

    void release(UUID subject) {
      held.get(subject).countDown();
    }

    @Override
    public String id() {
      return "archive";
    }

    @Override
    public Set<Operation> capabilities() {
      return Set.of(Operation.ACCESS, Operation.ERASE);
    }

    @Override
    public SystemResult access(SubjectRef subject) {
      CountDownLatch gate = held.get(subject.subjectId());
      if (gate != null) {
        reading.add(subject.subjectId());
        try {
          gate.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return new SystemResult(
          "read",
          Map.of("items", 1),
          List.of(),
          List.of(),
          List.of(
              new DataItem(
                  id(),
                  "archived-" + subject.subjectId(),
                  "contact.email",
                  "the-person",
                  Set.of("inquiries"),
                  "dpv:Contract",
                  Instant.parse("2026-01-01T00:00:00Z"),
                  "an archived copy")));
    }

    @Override
    public SystemResult erase(SubjectRef subject, ErasureScope scope) {
      return SystemResult.done("erased", Map.of("rows", 1), List.of());
    }
  }
}
