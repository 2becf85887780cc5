package dev.steward.request;

import static dev.steward.request.RequestWorld.instant;
import static dev.steward.request.RequestWorld.json;
import static dev.steward.request.RequestWorld.reference;
import static dev.steward.request.RequestWorld.secretIn;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.principal.ClientKind;
import dev.steward.principal.Permission;
import dev.steward.principal.Role;
import dev.steward.store.Engine;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What each role sees of a person, over every route that answers personal data: the requester's
 * email, phone and free text, staff notes, record values and uploaded documents. Every route of the
 * registry is either walked here or declared to answer none of it, so a new route needs a decision
 * before it ships.
 */
class PersonalDataByRoleTest {
  private static final Map<Engine, RequestWorld> WORLDS = new EnumMap<>(Engine.class);

  /** The callers, in the order of the columns of the table below. */
  enum Viewer {
    ADMIN,
    DPO,
    ANALYST,
    AGENT_ASSIGNED,
    AGENT_NOT_ASSIGNED,
    AUDITOR,
    /** The integration account that filed the request. */
    CLIENT_FILER,
    /** A business customer's account that did not. */
    CLIENT_OTHER
  }

  /** Personal data planted in the request and the vault, each a value no other text holds. */
  enum Marker {
    EMAIL,
    PHONE,
    DETAILS,
    NOTE,
    RECORD,
    DOCUMENT
  }

  /** What a caller gets: a status and, for a 200, exactly which markers appear. */
  record Sees(int status, Set<Marker> markers) {
    @Override
    public String toString() {
      return status + (markers.isEmpty() ? "" : " " + markers);
    }
  }

  private static final Sees CASE =
      new Sees(200, EnumSet.of(Marker.EMAIL, Marker.PHONE, Marker.DETAILS, Marker.NOTE));
  private static final Sees NOTHING = new Sees(200, EnumSet.noneOf(Marker.class));
  private static final Sees VALUES = new Sees(200, EnumSet.of(Marker.RECORD));
  private static final Sees SCAN = new Sees(200, EnumSet.of(Marker.DOCUMENT));
  private static final Sees NOT_FOUND = new Sees(404, EnumSet.noneOf(Marker.class));
  private static final Sees FORBIDDEN = new Sees(403, EnumSet.noneOf(Marker.class));

  /**
   * Routes that answer no personal data of a subject, with why; every other route is walked.
   * Transitions answer a request's summary (ids, codes, dates); CaseloadTest walks who reaches
   * them.
   */
  private static final Set<String> ANSWER_NO_PERSONAL_DATA =
      Set.of(
          // Public intake and verification answer a reference, a receipt of ids or nothing.
          "POST /api/v1/public/requests",
          "POST /api/v1/public/requests/{reference}/code",
          "POST /api/v1/public/requests/{reference}/code/resend",
          "POST /api/v1/public/requests/{reference}/data-points",
          "POST /api/v1/public/requests/{reference}/documents",
          "POST /api/v1/collect/{formId}",
          "POST /api/v1/public/sessions",
          "POST /api/v1/public/sessions/verify",
          "POST /api/v1/me/sign-out",
          "POST /api/v1/requests",
          "POST /api/v1/content-removals",
          // The person's own package, reached by the signed link in their letter, by no role.
          "GET /api/v1/access-packages/{id}",
          // Staff work on a request: each answers the summary or nothing.
          "POST /api/v1/requests/{id}/verify",
          "POST /api/v1/requests/{id}/start",
          "POST /api/v1/requests/{id}/extend",
          "POST /api/v1/requests/{id}/pause",
          "POST /api/v1/requests/{id}/resume",
          "POST /api/v1/requests/{id}/fee",
          "POST /api/v1/requests/{id}/complete",
          "POST /api/v1/requests/{id}/deny",
          "POST /api/v1/requests/{id}/withdraw",
          "POST /api/v1/requests/{id}/assign",
          "POST /api/v1/requests/{id}/documents/{documentId}/review",
          "POST /api/v1/requests/{id}/instructions",
          // Vault changes answer ids, or a notice without values.
          "POST /api/v1/subjects",
          "POST /api/v1/subjects/{id}/links",
          "PATCH /api/v1/subjects/{id}/records/{recordId}",
          "POST /api/v1/subjects/{id}/disclosures",
          "POST /api/v1/notices/art14/{id}/done",
          // Link candidates name two subject ids and an identity's type, never its value.
          "GET /api/v1/link-candidates",
          "POST /api/v1/link-candidates/{id}",
          // The policy, its documents and registers describe processing, not people.
          "GET /api/v1/policy",
          "GET /api/v1/policy/versions",
          "POST /api/v1/policy/versions",
          "GET /api/v1/policy/diff",
          "GET /api/v1/policy/ropa",
          "GET /api/v1/policy/subprocessors",
          "GET /api/v1/policy/transfers",
          "GET /.well-known/gpc.json",
          "GET /privacy",
          "GET /privacy/{version}",
          // The public registers name the company's processors and transfers, never a person.
          "GET /registers/sub-processors",
          "GET /registers/transfers",
          "GET /assets/documents.css",
          // Retention answers rules, counts, ids, holds and signed certificates of ids.
          "GET /api/v1/retention/rules",
          "GET /api/v1/retention/holds",
          "POST /api/v1/retention/holds",
          "POST /api/v1/retention/holds/{id}/release",
          "GET /api/v1/retention/runs",
          "GET /api/v1/retention/runs/{id}/certificate",
          "POST /api/v1/retention/certificates/verify",
          // The installation, staff and their tokens: no subject data.
          "GET /health",
          "GET /ready",
          "GET /metrics",
          "GET /api/openapi.json",
          "POST /api/v1/auth/sign-in",
          "POST /api/v1/auth/sign-out",
          "POST /api/v1/auth/password",
          "GET /api/v1/tokens",
          "POST /api/v1/tokens",
          "DELETE /api/v1/tokens/{id}",
          "GET /api/v1/users",
          "POST /api/v1/users",
          "POST /api/v1/users/{id}/disable",
          "GET /api/v1/clients",
          "POST /api/v1/clients",
          "POST /api/v1/clients/{id}/disable",
          "POST /api/v1/audit/verify",
          // Opt-outs answer a receipt of kinds and source; a device's state names kinds and
          // sources; a consent receipt holds ids, policy ids and codes; decisions answer codes.
          "POST /api/v1/opt-outs",
          "GET /api/v1/opt-outs/devices/{device}",
          "GET /api/v1/consent-events/{id}/receipt",
          "POST /api/v1/consent-events",
          // A parent's consent answers ids only.
          "POST /api/v1/consents/{consentId}/parental-consent",
          "POST /api/v1/decisions",
          // The filter answers the caller's own lines that are allowed, and counts.
          "POST /api/v1/decisions/filter",
          // Policy-change campaigns count letters; a person's notices name versions and dates.
          "GET /api/v1/campaigns",
          "POST /api/v1/campaigns",
          "GET /api/v1/campaigns/{id}",
          "GET /api/v1/subjects/{id}/policy-notices",
          // The banner's script and words; a device's choice and GPP string are codes per cookie
          // category or opt-out, keyed by the browser's own consent id or a subject id.
          "GET /consent.js",
          "GET /api/v1/banner",
          "POST /api/v1/banner/choices",
          "GET /api/v1/gpp",
          "GET /api/v1/gpp/subjects/{subject}",
          // The breach register names people by vault id and counts only; its texts are staff's
          // (BreachRolesTest walks who reaches these).
          "GET /api/v1/breaches",
          "POST /api/v1/breaches",
          "GET /api/v1/breaches/{id}",
          "PATCH /api/v1/breaches/{id}",
          "POST /api/v1/breaches/{id}/status",
          "POST /api/v1/breaches/{id}/affected/count",
          "POST /api/v1/breaches/{id}/affected",
          "POST /api/v1/breaches/{id}/decision",
          "POST /api/v1/breaches/{id}/notifications",
          "POST /api/v1/breaches/{id}/letters",
          "GET /api/v1/breaches/{id}/drafts/{kind}",
          "GET /api/v1/breaches/{id}/export",
          // Marketing mail answers outcomes by position, never an address; the suppression list is
          // keyed hashes; one-click unsubscribe answers nothing; the open pixel is a fixed image
          // and
          // a click a redirect to the link the company sent.
          "POST /api/v1/marketing/messages",
          "GET /api/v1/marketing/suppression",
          "POST /unsubscribe/{token}",
          "GET /m/open/{token}",
          "GET /m/click/{token}",
          // OpenDSR answers a controller its own request's ids and status, or echoes its body.
          "GET /opendsr/v1/discovery",
          "GET /opendsr/v1/certificate",
          "POST /opendsr/v1/requests",
          "GET /opendsr/v1/requests/{id}",
          "DELETE /opendsr/v1/requests/{id}");

  static RequestWorld world(Engine engine) {
    return WORLDS.computeIfAbsent(
        engine, e -> RequestWorld.start(e, instant("2026-03-02T09:00", "UTC")));
  }

  @AfterAll
  static void close() {
    WORLDS.values().forEach(RequestWorld::close);
  }

  /** One call of a route, and what each caller, in {@link Viewer} order, sees of it. */
  private record Walk(String route, String method, String path, String body, List<Sees> seen) {
    Walk {
      assertThat(seen).as(route).hasSize(Viewer.values().length);
    }
  }

  private static Walk get(String route, String path, Sees... seen) {
    return new Walk(route, "GET", path, null, List.of(seen));
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void everyRole_overEveryRouteWithPersonalData_seesOnlyWhatItsRoleAllows(Engine engine) {
    RequestWorld world = world(engine);
    String tag = UUID.randomUUID().toString();
    Map<Marker, String> planted = new EnumMap<>(Marker.class);
    planted.put(Marker.EMAIL, "walk-" + tag + "@example.co.uk");
    planted.put(Marker.PHONE, engine == Engine.H2 ? "+447911123456" : "+447911123457");
    planted.put(Marker.DETAILS, "what the requester wrote " + tag);
    planted.put(Marker.NOTE, "the scan is blurred " + tag);
    planted.put(Marker.RECORD, "what the person asked us " + tag);
    planted.put(Marker.DOCUMENT, "a scanned passport " + tag);
    Map<Viewer, String> tokens = new EnumMap<>(Viewer.class);
    tokens.put(Viewer.ADMIN, world.staffMember("admin-" + tag, Role.ADMIN).token());
    tokens.put(Viewer.DPO, world.dpo);
    tokens.put(Viewer.ANALYST, world.staffMember("analyst-" + tag, Role.ANALYST).token());
    RequestWorld.Caller assigned = world.staffMember("agent-" + tag, Role.AGENT);
    tokens.put(Viewer.AGENT_ASSIGNED, assigned.token());
    tokens.put(Viewer.AGENT_NOT_ASSIGNED, world.agent);
    tokens.put(Viewer.AUDITOR, world.staffMember("auditor-" + tag, Role.AUDITOR).token());
    tokens.put(
        Viewer.CLIENT_FILER, world.clientAccount("Shop " + tag, ClientKind.INTEGRATION).token());
    tokens.put(Viewer.CLIENT_OTHER, world.customer);

    // A request filed by the integration, with a document the assigned agent rejected.
    String reference =
        reference(
            world.post(
                "/api/v1/requests",
                tokens.get(Viewer.CLIENT_FILER),
                "{\"type\":\"access\",\"residence\":\"GB\",\"identity\":{\"email\":\"%s\",\"phone\":\"%s\"},\"details\":\"%s\"}"
                    .formatted(
                        planted.get(Marker.EMAIL),
                        planted.get(Marker.PHONE),
                        planted.get(Marker.DETAILS))));
    UUID id = world.idOf(reference);
    String key = secretIn(world.letter(planted.get(Marker.EMAIL), "What we need to verify"));
    byte[] scan = ("%PDF-1.7 " + planted.get(Marker.DOCUMENT)).getBytes(StandardCharsets.UTF_8);
    assertThat(world.upload(reference, key, "identity", "application/pdf", scan).statusCode())
        .isEqualTo(202);
    assertThat(world.act(id, "assign", "{\"assignee\":\"" + assigned.id() + "\"}").statusCode())
        .isEqualTo(200);
    String document = world.detail(id).get("documents").get(0).get("id").asText();
    HttpResponse<String> rejected =
        world.post(
            "/api/v1/requests/" + id + "/documents/" + document + "/review",
            assigned.token(),
            "{\"approved\":false,\"reason\":\"" + planted.get(Marker.NOTE) + "\"}");
    assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(204);
    // The same person in the vault: a record from a customer (an indirect source, so an Art. 14
    // notice is due) and a disclosure of it.
    UUID subject = FulfilmentTourTest.subject(world, planted.get(Marker.EMAIL));
    FulfilmentTourTest.record(
        world, subject, "service.inquiry", "customers", "inquiries", planted.get(Marker.RECORD));
    FulfilmentTourTest.disclose(world, subject, "crm-cloud", "service.inquiry");
    // The other client's own request, to show a client's list holds what it filed.
    String removal =
        reference(
            world.post(
                "/api/v1/content-removals",
                world.customer,
                "{\"email\":\"legal-" + tag + "@media.example\",\"details\":\"our logo\"}"));

    String search =
        "{\"identity\":{\"type\":\"email\",\"value\":\"" + planted.get(Marker.EMAIL) + "\"}}";
    // Columns: admin, dpo, analyst, agent assigned, agent not assigned, auditor, client filer,
    // other client. Agents hold subject:read for every subject, not only their caseload's.
    List<Walk> walks =
        List.of(
            get(
                "GET /api/v1/requests",
                "/api/v1/requests",
                NOTHING,
                NOTHING,
                NOTHING,
                NOTHING,
                NOTHING,
                FORBIDDEN,
                NOTHING,
                NOTHING),
            get(
                "GET /api/v1/requests",
                "/api/v1/requests?due_within=8w",
                NOTHING,
                NOTHING,
                NOTHING,
                NOTHING,
                NOTHING,
                FORBIDDEN,
                NOTHING,
                NOTHING),
            get(
                "GET /api/v1/requests",
                "/api/v1/requests?overdue=true",
                NOTHING,
                NOTHING,
                NOTHING,
                NOTHING,
                NOTHING,
                FORBIDDEN,
                NOTHING,
                NOTHING),
            get(
                "GET /api/v1/requests/{id}",
                "/api/v1/requests/" + id,
                CASE,
                CASE,
                NOTHING,
                CASE,
                NOT_FOUND,
                FORBIDDEN,
                NOTHING,
                NOT_FOUND),
            // The uploaded document itself, to those who review documents in their caseload.
            get(
                "GET /api/v1/requests/{id}/documents/{documentId}",
                "/api/v1/requests/" + id + "/documents/" + document,
                SCAN,
                SCAN,
                NOT_FOUND,
                SCAN,
                NOT_FOUND,
                FORBIDDEN,
                NOT_FOUND,
                NOT_FOUND),
            get(
                "GET /api/v1/requests/{id}/tasks",
                "/api/v1/requests/" + id + "/tasks",
                NOTHING,
                NOTHING,
                NOTHING,
                NOTHING,
                NOT_FOUND,
                FORBIDDEN,
                NOTHING,
                NOT_FOUND),
            get(
                "GET /api/v1/subjects/{id}",
                "/api/v1/subjects/" + subject,
                NOTHING,
                NOTHING,
                FORBIDDEN,
                NOTHING,
                NOTHING,
                FORBIDDEN,
                NOTHING,
                FORBIDDEN),
            new Walk(
                "POST /api/v1/subjects/search",
                "POST",
                "/api/v1/subjects/search",
                search,
                List.of(
                    NOTHING, NOTHING, FORBIDDEN, NOTHING, NOTHING, FORBIDDEN, NOTHING, FORBIDDEN)),
            get(
                "GET /api/v1/subjects/{id}/records",
                "/api/v1/subjects/" + subject + "/records?purpose=inquiries",
                VALUES,
                VALUES,
                FORBIDDEN,
                VALUES,
                VALUES,
                FORBIDDEN,
                VALUES,
                FORBIDDEN),
            get(
                "GET /api/v1/subjects/{id}/disclosures",
                "/api/v1/subjects/" + subject + "/disclosures",
                NOTHING,
                NOTHING,
                FORBIDDEN,
                NOTHING,
                NOTHING,
                FORBIDDEN,
                NOTHING,
                FORBIDDEN),
            get(
                "GET /api/v1/disclosures",
                "/api/v1/disclosures?recipient=crm-cloud",
                NOTHING,
                NOTHING,
                FORBIDDEN,
                NOTHING,
                NOTHING,
                FORBIDDEN,
                NOTHING,
                FORBIDDEN),
            get(
                "GET /api/v1/disclosures/outside-policy",
                "/api/v1/disclosures/outside-policy",
                NOTHING,
                NOTHING,
                FORBIDDEN,
                NOTHING,
                NOTHING,
                FORBIDDEN,
                NOTHING,
                FORBIDDEN),
            get(
                "GET /api/v1/notices/art14",
                "/api/v1/notices/art14?due_within=60d",
                NOTHING,
                NOTHING,
                FORBIDDEN,
                NOTHING,
                NOTHING,
                FORBIDDEN,
                NOTHING,
                FORBIDDEN),
            get(
                "GET /api/v1/audit/entries",
                "/api/v1/audit/entries?limit=1000",
                NOTHING,
                NOTHING,
                FORBIDDEN,
                FORBIDDEN,
                FORBIDDEN,
                NOTHING,
                FORBIDDEN,
                FORBIDDEN),
            get(
                "GET /api/v1/me/requests",
                "/api/v1/me/requests",
                FORBIDDEN,
                FORBIDDEN,
                FORBIDDEN,
                FORBIDDEN,
                FORBIDDEN,
                FORBIDDEN,
                FORBIDDEN,
                FORBIDDEN));

    Set<String> routes = new TreeSet<>();
    world.node.routes().routes().forEach(route -> routes.add(route.method() + " " + route.path()));
    Set<String> unclassified = new TreeSet<>(routes);
    unclassified.removeAll(ANSWER_NO_PERSONAL_DATA);
    walks.forEach(walk -> unclassified.remove(walk.route()));
    assertThat(routes)
        .as("routes declared free of personal data")
        .containsAll(ANSWER_NO_PERSONAL_DATA);
    assertThat(unclassified)
        .as("routes neither walked nor declared free of personal data")
        .isEmpty();

    List<String> wrong = new ArrayList<>();
    for (Walk walk : walks) {
      for (Viewer viewer : Viewer.values()) {
        HttpResponse<String> answer = call(world, walk, tokens.get(viewer));
        Set<Marker> found = EnumSet.noneOf(Marker.class);
        planted.forEach(
            (marker, value) -> {
              if (answer.body().contains(value)) {
                found.add(marker);
              }
            });
        Sees seen = new Sees(answer.statusCode(), found);
        Sees expected = walk.seen().get(viewer.ordinal());
        if (!seen.equals(expected)) {
          wrong.add(
              viewer + " " + walk.method() + " " + walk.path() + ": " + seen + ", not " + expected);
        }
      }
    }
    assertThat(wrong).as("what each role saw").isEmpty();

    // Lists hold the caller's caseload: the unassigned agent and the other client miss it.
    UUID other = world.idOf(removal);
    for (Viewer viewer : Viewer.values()) {
      if (viewer == Viewer.AUDITOR) {
        continue;
      }
      List<String> listed =
          json(world.get("/api/v1/requests", tokens.get(viewer)))
              .get("requests")
              .findValuesAsText("id");
      boolean reaches = viewer != Viewer.AGENT_NOT_ASSIGNED && viewer != Viewer.CLIENT_OTHER;
      assertThat(listed.contains(id.toString()))
          .as(viewer + " lists the request")
          .isEqualTo(reaches);
      boolean reachesRemoval =
          viewer != Viewer.AGENT_ASSIGNED
              && viewer != Viewer.AGENT_NOT_ASSIGNED
              && viewer != Viewer.CLIENT_FILER;
      assertThat(listed.contains(other.toString()))
          .as(viewer + " lists the content removal")
          .isEqualTo(reachesRemoval);
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void detail_forATokenWithoutContactRead_isTheOutline_andItsReadIsAuditedAsSuch(Engine engine) {
    RequestWorld world = world(engine);
    String email = "scoped-" + engine.name().toLowerCase() + "@example.co.uk";
    UUID id = world.log("access", "GB", email, world.clock.instant());
    // The DPO's role holds request:contact-read; this token of theirs does not.
    Set<Permission> scopes = EnumSet.copyOf(Role.DPO.permissions());
    scopes.remove(Permission.REQUEST_CONTACT_READ);
    String reporting = world.staffToken(world.dpoId, scopes);

    JsonNode outline = json(world.get("/api/v1/requests/" + id, reporting));
    JsonNode full = world.detail(id);

    assertThat(outline.get("contact").isNull()).isTrue();
    assertThat(outline.toString()).doesNotContain(email);
    assertThat(outline.get("summary")).isEqualTo(full.get("summary"));
    assertThat(outline.get("history").findValuesAsText("action"))
        .isEqualTo(full.get("history").findValuesAsText("action"));
    assertThat(full.at("/contact/email").asText()).isEqualTo(email);
    List<String> views = new ArrayList<>();
    long after = 0;
    JsonNode page;
    do {
      page = json(world.get("/api/v1/audit/entries?limit=1000&after=" + after, world.dpo));
      for (JsonNode entry : page.get("entries")) {
        if (entry.get("action").asText().equals("request.read")
            && entry.get("objectId").asText().equals(id.toString())) {
          views.add(entry.get("detail").asText());
        }
      }
      after = page.get("next").asLong();
    } while (!page.get("entries").isEmpty());
    assertThat(views).containsExactly("view=outline", "view=case");
  }

  private static HttpResponse<String> call(RequestWorld world, Walk walk, String token) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(world.uri(walk.path())).header("Authorization", "Bearer " + token);
    if (walk.body() == null) {
      return world.send(request.GET());
    }
    return world.send(
        request
            .header("Content-Type", "application/json")
            .method(walk.method(), HttpRequest.BodyPublishers.ofString(walk.body())));
  }
}
