package dev.steward.request;

import static dev.steward.request.RequestWorld.instant;
import static dev.steward.request.RequestWorld.json;
import static dev.steward.request.RequestWorld.secretIn;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.principal.Permission;
import dev.steward.principal.Role;
import dev.steward.store.Engine;
import dev.steward.web.ApiRoute;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every route about one request, whichever feature declares it, reaches the request only through
 * the caller's caseload: a support agent the requests assigned to them, a client account those it
 * filed. Outside it the answer is the one an id that names nothing gets, and nothing changes.
 */
class CaseloadTest {
  private static final Map<Engine, RequestWorld> WORLDS = new EnumMap<>(Engine.class);
  private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");
  private static final byte[] PDF = "%PDF-1.7 a scan".getBytes(StandardCharsets.US_ASCII);

  static RequestWorld world(Engine engine) {
    return WORLDS.computeIfAbsent(
        engine, e -> RequestWorld.start(e, instant("2026-03-02T09:00", "UTC")));
  }

  @AfterAll
  static void close() {
    WORLDS.values().forEach(RequestWorld::close);
  }

  /** A request awaiting review of two uploaded documents, assigned to another agent. */
  private record Case(UUID id, List<String> documents, RequestWorld.Caller assignee) {}

  private static Case awaitingReview(RequestWorld world, String name, Engine engine) {
    String to = name + "-" + engine.name().toLowerCase() + "@example.co.uk";
    String reference =
        world.submit(
            "{\"type\":\"access\",\"residence\":\"GB\",\"identity\":{\"email\":\"" + to + "\"}}");
    UUID id = world.idOf(reference);
    String token = secretIn(world.letter(to, "What we need to verify"));
    assertThat(world.upload(reference, token, "identity", "application/pdf", PDF).statusCode())
        .isEqualTo(202);
    assertThat(world.upload(reference, token, "address", "application/pdf", PDF).statusCode())
        .isEqualTo(202);
    RequestWorld.Caller assignee = world.staffMember(name + "-agent", Role.AGENT);
    HttpResponse<String> assigned =
        world.act(id, "assign", "{\"assignee\":\"" + assignee.id() + "\"}");
    assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(200);
    List<String> documents = world.detail(id).get("documents").findValuesAsText("id");
    assertThat(documents).hasSize(2);
    return new Case(id, documents, assignee);
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void documentReview_byAnAgentNotAssigned_isNotFoundAndLeavesTheRequestUnverified(Engine engine) {
    RequestWorld world = world(engine);
    Case request = awaitingReview(world, "review", engine);

    assertThat(world.get("/api/v1/requests/" + request.id(), world.agent).statusCode())
        .isEqualTo(404);
    for (String document : request.documents()) {
      HttpResponse<String> reviewed = review(world, request.id(), document, world.agent);
      assertThat(reviewed.statusCode()).as(reviewed.body()).isEqualTo(404);
    }
    JsonNode untouched = world.detail(request.id());
    assertThat(untouched.at("/summary/state").asText()).isEqualTo("awaiting_verification");
    assertThat(untouched.get("documents").findValuesAsText("status")).containsOnly("pending");
    assertThat(untouched.get("history").findValuesAsText("action"))
        .doesNotContain("document_approved", "verified");

    for (String document : request.documents()) {
      HttpResponse<String> reviewed =
          review(world, request.id(), document, request.assignee().token());
      assertThat(reviewed.statusCode()).as(reviewed.body()).isEqualTo(204);
    }
    assertThat(world.state(request.id())).isEqualTo("verified");
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void document_toItsAssignedAgent_isStreamedAsAnUncachedAttachment_andTheViewIsAudited(
      Engine engine) {
    RequestWorld world = world(engine);
    Case request = awaitingReview(world, "view", engine);
    String document = request.documents().get(0);
    String path = "/api/v1/requests/" + request.id() + "/documents/" + document;
    RequestWorld.Caller analyst = world.staffMember("view-analyst-" + engine, Role.ANALYST);

    HttpResponse<String> unassigned = world.get(path, world.agent);
    HttpResponse<String> otherRole = world.get(path, analyst.token());
    HttpResponse<String> client = world.get(path, world.customer);
    HttpResponse<String> noSuchDocument =
        world.get(
            "/api/v1/requests/" + request.id() + "/documents/" + UUID.randomUUID(),
            request.assignee().token());
    HttpResponse<byte[]> viewed = download(world, path, request.assignee().token());
    HttpResponse<byte[]> byDpo = download(world, path, world.dpo);

    assertThat(unassigned.statusCode()).isEqualTo(404);
    assertThat(otherRole.statusCode()).isEqualTo(404);
    assertThat(client.statusCode()).isEqualTo(404);
    assertThat(noSuchDocument.statusCode()).isEqualTo(404);
    assertThat(viewed.statusCode()).isEqualTo(200);
    assertThat(viewed.body()).isEqualTo(PDF);
    assertThat(viewed.headers().firstValue("Content-Type")).contains("application/pdf");
    assertThat(viewed.headers().firstValue("Cache-Control")).contains("no-store");
    assertThat(viewed.headers().firstValue("Content-Disposition").orElse(""))
        .startsWith("attachment; filename=\"")
        .endsWith(document + ".pdf\"");
    assertThat(byDpo.statusCode()).isEqualTo(200);
    List<String> views =
        world
            .node
            .database()
            .jdbi()
            .withHandle(
                h ->
                    h.createQuery(
                            "select actor_id || ' ' || detail from audit_entry"
                                + " where action = 'request.document.viewed' and object_id = :id"
                                + " order by seq")
                        .bind("id", document)
                        .mapTo(String.class)
                        .list());
    assertThat(views).hasSize(2);
    assertThat(views).allSatisfy(view -> assertThat(view).contains("request=" + request.id()));
  }

  private static HttpResponse<byte[]> download(RequestWorld world, String path, String token) {
    try {
      return java.net.http.HttpClient.newHttpClient()
          .send(
              HttpRequest.newBuilder(world.uri(path))
                  .header("Authorization", "Bearer " + token)
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
    } catch (java.io.IOException | InterruptedException e) {
      throw new AssertionError(e);
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void everyRouteAboutOneRequest_outsideTheCallersCaseload_answersAsForNoRequest(Engine engine) {
    RequestWorld world = world(engine);
    Case request = awaitingReview(world, "walk", engine);
    List<ApiRoute> aboutOne =
        world.node.routes().routes().stream()
            .filter(route -> route.path().startsWith("/api/v1/requests/{id}"))
            .toList();
    // Routes of other features are walked too: fulfilment's instructions and tasks.
    assertThat(aboutOne)
        .extracting(route -> route.method() + " " + route.path())
        .contains(
            "GET /api/v1/requests/{id}",
            "POST /api/v1/requests/{id}/documents/{documentId}/review",
            "GET /api/v1/requests/{id}/documents/{documentId}",
            "POST /api/v1/requests/{id}/instructions",
            "GET /api/v1/requests/{id}/tasks");
    JsonNode before = world.detail(request.id());
    int instructions = world.count("fulfilment_instruction");
    // A support agent with the request assigned to someone else, and a client account that did
    // not file it; each holds request:read, the agent request:work too.
    Map<String, Set<Permission>> outsiders =
        Map.of(
            world.agent,
            Role.AGENT.permissions(),
            world.customer,
            Set.of(Permission.CONTENT_REMOVAL_SUBMIT, Permission.REQUEST_READ));

    for (ApiRoute route : aboutOne) {
      for (Map.Entry<String, Set<Permission>> outsider : outsiders.entrySet()) {
        String path = path(route, request.id(), request.documents().get(0));
        String nowhere = path(route, UUID.randomUUID(), UUID.randomUUID().toString());
        HttpResponse<String> inCase = call(world, route, path, outsider.getKey());
        HttpResponse<String> noCase = call(world, route, nowhere, outsider.getKey());
        String what = route.method() + " " + route.path() + ": " + inCase.body();
        int expected = outsider.getValue().contains(route.access().permission()) ? 404 : 403;
        assertThat(inCase.statusCode()).as(what).isEqualTo(expected);
        assertThat(json(inCase).get("type")).as(what).isEqualTo(json(noCase).get("type"));
      }
    }

    JsonNode after = world.detail(request.id());
    assertThat(after.get("summary")).isEqualTo(before.get("summary"));
    assertThat(after.get("history")).isEqualTo(before.get("history"));
    assertThat(after.get("documents").findValuesAsText("status")).containsOnly("pending");
    assertThat(world.count("fulfilment_instruction")).isEqualTo(instructions);
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void tasksAndInstructions_ofAnIdThatIsNoUuid_areNotFound(Engine engine) {
    RequestWorld world = world(engine);

    assertThat(world.get("/api/v1/requests/not-an-id/tasks", world.dpo).statusCode())
        .isEqualTo(404);
    assertThat(world.post("/api/v1/requests/not-an-id/instructions", world.dpo, "{}").statusCode())
        .isEqualTo(404);
  }

  private static HttpResponse<String> review(
      RequestWorld world, UUID id, String document, String token) {
    return world.post(
        "/api/v1/requests/" + id + "/documents/" + document + "/review",
        token,
        "{\"approved\":true}");
  }

  /** The route's path for this request; a new path parameter needs a value here. */
  private static String path(ApiRoute route, UUID id, String document) {
    Matcher parameters = PARAMETER.matcher(route.path());
    StringBuilder path = new StringBuilder();
    while (parameters.find()) {
      String value =
          switch (parameters.group(1)) {
            case "id" -> id.toString();
            case "documentId" -> document;
            default -> throw new AssertionError("no value for {" + parameters.group(1) + "}");
          };
      parameters.appendReplacement(path, value);
    }
    return parameters.appendTail(path).toString();
  }

  /** Any body will do: outside the caseload nothing of it may be looked at. */
  private static HttpResponse<String> call(
      RequestWorld world, ApiRoute route, String path, String token) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(world.uri(path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json");
    String method = route.method().name();
    return world.send(
        method.equals("GET")
            ? request.GET()
            : request.method(method, HttpRequest.BodyPublishers.ofString("{}")));
  }
}
