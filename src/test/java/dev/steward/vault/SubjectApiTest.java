package dev.steward.vault;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.app.TestNodes;
import dev.steward.principal.Principal;
import dev.steward.store.Engine;
import dev.steward.web.Json;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The subject, record, disclosure and Art. 14 routes on a real node, called over HTTP. */
class SubjectApiTest {
  private static final String ANN =
      "{\"subjectType\":\"customer-contacts\",\"identities\":[{\"type\":\"email\",\"value\":"
          + "\"Ann.Jones@Example.com\"},{\"type\":\"phone\",\"value\":\"+44 20 7946 0018\"}],"
          + "\"relationshipStart\":\"2024-05-01\",\"dateOfBirth\":{\"date\":\"1990-02-03\","
          + "\"category\":\"identification\",\"provenance\":{\"source\":\"the-person\","
          + "\"system\":\"other-systems\",\"purposes\":[\"relationship-admin\"],"
          + "\"legalBasis\":\"dpv:Contract\"}}}";

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void subjectRoundTrip_createFindReadRectifyDisclose(Engine engine) throws IOException {
    try (TestNodes.Running node = TestNodes.start(TestNodes.config(engine, TestNodes.http()))) {
      String token = node.adminToken("subject:read", "subject:write");

      HttpResponse<String> created = node.json("POST", "/api/v1/subjects", token, ANN);
      assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
      String id = tree(created).get("id").asText();

      HttpResponse<String> subject = node.get("/api/v1/subjects/" + id, token);
      assertThat(subject.statusCode()).isEqualTo(200);
      assertThat(subject.body())
          .doesNotContainIgnoringCase("ann.jones")
          .doesNotContain("7946 0018", "2079460018");
      assertThat(tree(subject).get("identities")).hasSize(2);

      HttpResponse<String> found =
          node.json(
              "POST",
              "/api/v1/subjects/search",
              token,
              "{\"identity\":{\"type\":\"email\",\"value\":\" ann.jones@EXAMPLE.com \"}}");
      assertThat(tree(found).get("result").asText()).isEqualTo("found");
      assertThat(tree(found).get("subjectId").asText()).isEqualTo(id);

      JsonNode records =
          tree(node.get("/api/v1/subjects/" + id + "/records?purpose=relationship-admin", token))
              .get("records");
      assertThat(records).hasSize(1);
      assertThat(records.get(0).get("value").asText()).isEqualTo("1990-02-03");

      String recordId = records.get(0).get("id").asText();
      HttpResponse<String> rectified =
          node.json(
              "PATCH",
              "/api/v1/subjects/" + id + "/records/" + recordId,
              token,
              "{\"value\":\"1990-03-02\",\"reason\":\"day and month were swapped\"}");
      assertThat(rectified.statusCode()).as(rectified.body()).isEqualTo(204);
      JsonNode after =
          tree(node.get("/api/v1/subjects/" + id + "/records?purpose=relationship-admin", token))
              .get("records")
              .get(0);
      assertThat(after.get("value").asText()).isEqualTo("1990-03-02");
      assertThat(after.get("rectifiedAt").isNull()).isFalse();

      HttpResponse<String> disclosed =
          node.json(
              "POST",
              "/api/v1/subjects/" + id + "/disclosures",
              token,
              "{\"recipient\":\"group-companies\",\"categories\":[\"contact.email\"],"
                  + "\"purpose\":\"relationship-admin\",\"legalBasis\":\"dpv:Contract\","
                  + "\"reason\":\"account handed to the US entity\"}");
      assertThat(disclosed.statusCode()).as(disclosed.body()).isEqualTo(201);
      JsonNode listed = tree(node.get("/api/v1/subjects/" + id + "/disclosures", token));
      assertThat(listed.get("disclosures")).hasSize(1);
      assertThat(listed.get("disclosures").get(0).get("recipient").asText())
          .isEqualTo("group-companies");
      JsonNode byRecipient = tree(node.get("/api/v1/disclosures?recipient=group-companies", token));
      assertThat(byRecipient.get("disclosures").get(0).get("subjectId").asText()).isEqualTo(id);
      assertThat(tree(disclosed).get("outsidePolicy")).isEmpty();
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void disclosureBeyondWhatThePolicyDeclaresForTheRecipient_isRecordedAndListedForReview(
      Engine engine) throws IOException {
    try (TestNodes.Running node = TestNodes.start(TestNodes.config(engine, TestNodes.http()))) {
      String token = node.adminToken("subject:read", "subject:write");
      String id = tree(node.json("POST", "/api/v1/subjects", token, ANN)).get("id").asText();
      String within =
          "{\"recipient\":\"authorities\",\"categories\":[\"contact.email\"],"
              + "\"purpose\":\"legal-compliance\",\"legalBasis\":\"dpv:LegalObligation\"}";
      // The bundled policy gives the authorities identification, contact, device and compliance
      // data for legal compliance only.
      String beyond =
          "{\"recipient\":\"authorities\",\"categories\":[\"contact.email\",\"marketing\"],"
              + "\"purpose\":\"marketing\",\"legalBasis\":\"dpv:Consent\"}";

      HttpResponse<String> first =
          node.json("POST", "/api/v1/subjects/" + id + "/disclosures", token, within);
      HttpResponse<String> second =
          node.json("POST", "/api/v1/subjects/" + id + "/disclosures", token, beyond);

      assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
      assertThat(second.statusCode()).as(second.body()).isEqualTo(201);
      assertThat(tree(first).get("outsidePolicy")).isEmpty();
      assertThat(tree(second).get("outsidePolicy").toString())
          .isEqualTo("[\"category:marketing\",\"purpose:marketing\"]");
      JsonNode review =
          tree(node.get("/api/v1/disclosures/outside-policy", token)).get("disclosures");
      assertThat(review).hasSize(1);
      assertThat(review.get(0).get("id").asText()).isEqualTo(tree(second).get("id").asText());
      assertThat(review.get(0).get("outsidePolicy").toString())
          .isEqualTo("[\"category:marketing\",\"purpose:marketing\"]");
      assertThat(
              tree(node.get("/api/v1/subjects/" + id + "/disclosures", token)).get("disclosures"))
          .hasSize(2);
      List<String> audited =
          node.node()
              .database()
              .jdbi()
              .withHandle(
                  h ->
                      h.select(
                              "select detail from audit_entry where action = 'disclosure.record'"
                                  + " order by seq")
                          .mapTo(String.class)
                          .list());
      assertThat(audited)
          .containsExactly(
              "disclosures=1 subjects=1 outsidePolicy=0",
              "disclosures=1 subjects=1 outsidePolicy=1");
    }
  }

  @Test
  void subjectRoutes_withoutTokenAre401_andWithoutScopeAre403() {
    try (TestNodes.Running node = TestNodes.start(TestNodes.config(Engine.H2, TestNodes.http()))) {
      String policyOnly = node.adminToken("policy:read");
      String id = UUID.randomUUID().toString();

      assertThat(node.json("POST", "/api/v1/subjects", null, ANN).statusCode()).isEqualTo(401);
      assertThat(node.get("/api/v1/subjects/" + id).statusCode()).isEqualTo(401);
      assertThat(node.json("POST", "/api/v1/subjects", policyOnly, ANN).statusCode())
          .isEqualTo(403);
      assertThat(node.get("/api/v1/subjects/" + id, policyOnly).statusCode()).isEqualTo(403);
      assertThat(node.get("/api/v1/notices/art14", policyOnly).statusCode()).isEqualTo(403);
      assertThat(
              node.json(
                      "POST",
                      "/api/v1/subjects/search",
                      policyOnly,
                      "{\"identity\":{\"type\":\"email\",\"value\":\"a@example.com\"}}")
                  .statusCode())
          .isEqualTo(403);
    }
  }

  @Test
  void searchLinkAndRecords_answerErasedNoneMergedAndRequirePurpose() throws IOException {
    try (TestNodes.Running node = TestNodes.start(TestNodes.config(Engine.H2, TestNodes.http()))) {
      String token = node.adminToken("subject:read", "subject:write");
      String survivor = tree(node.json("POST", "/api/v1/subjects", token, ANN)).get("id").asText();
      String other =
          tree(node.json(
                  "POST",
                  "/api/v1/subjects",
                  token,
                  "{\"subjectType\":\"customer-contacts\",\"identities\":[{\"type\":\"email\","
                      + "\"value\":\"ann@home.example\"}]}"))
              .get("id")
              .asText();

      HttpResponse<String> linked =
          node.json(
              "POST",
              "/api/v1/subjects/" + survivor + "/links",
              token,
              "{\"merge\":\"" + other + "\"}");
      assertThat(linked.statusCode()).as(linked.body()).isEqualTo(200);
      assertThat(tree(node.get("/api/v1/subjects/" + survivor, token)).get("identities"))
          .hasSize(3);

      node.node()
          .vault()
          .vault()
          .erase(
              new Principal.System("test"),
              UUID.fromString(survivor),
              "erasure request",
              "REQ-9",
              List.of());
      JsonNode erased =
          tree(
              node.json(
                  "POST",
                  "/api/v1/subjects/search",
                  token,
                  "{\"identity\":{\"type\":\"email\",\"value\":\"ann@home.example\"}}"));
      assertThat(erased.get("result").asText()).isEqualTo("erased");
      assertThat(erased.get("requestId").asText()).isEqualTo("REQ-9");
      JsonNode none =
          tree(
              node.json(
                  "POST",
                  "/api/v1/subjects/search",
                  token,
                  "{\"identity\":{\"type\":\"email\",\"value\":\"nobody@example.com\"}}"));
      assertThat(none.get("result").asText()).isEqualTo("none");

      HttpResponse<String> noPurpose = node.get("/api/v1/subjects/" + survivor + "/records", token);
      assertThat(noPurpose.statusCode()).isEqualTo(422);
      assertThat(noPurpose.body()).contains("purpose");
      HttpResponse<String> unknownField =
          node.json("POST", "/api/v1/subjects/search", token, "{\"email\":\"a@example.com\"}");
      assertThat(unknownField.statusCode()).isEqualTo(422);
    }
  }

  @Test
  void art14_recordsFromIndirectSource_listedWithTheWorkedDueDateUntilDone() throws IOException {
    try (TestNodes.Running node = TestNodes.start(TestNodes.config(Engine.H2, TestNodes.http()))) {
      String token = node.adminToken("subject:read", "subject:write");
      UUID id =
          UUID.fromString(
              tree(node.json("POST", "/api/v1/subjects", token, ANN)).get("id").asText());
      Instant obtained = Instant.parse("2025-01-31T10:00:00Z");
      node.node()
          .vault()
          .vault()
          .addRecords(
              new Principal.System("import"),
              List.of(
                  new NewRecord(
                      id,
                      "contact.email",
                      new Provenance(
                          "partners",
                          "other-systems",
                          Set.of("marketing"),
                          "dpv:LegitimateInterest",
                          obtained,
                          null),
                      "ann@partner.example")));

      JsonNode due = tree(node.get("/api/v1/notices/art14?due_within=7d", token));
      assertThat(due.get("notices")).hasSize(1);
      JsonNode notice = due.get("notices").get(0);
      assertThat(notice.get("subjectId").asText()).isEqualTo(id.toString());
      assertThat(notice.get("source").asText()).isEqualTo("partners");
      // GDPR month from 31 January 2025 (London): Friday 28 February.
      assertThat(notice.get("dueDate").asText()).isEqualTo("2025-02-28");
      assertThat(due.toString()).doesNotContain("ann@partner.example");

      HttpResponse<String> done =
          node.json(
              "POST",
              "/api/v1/notices/art14/" + notice.get("id").asText() + "/done",
              token,
              "{\"method\":\"email\",\"notifiedAt\":\"2025-02-03T09:00:00Z\"}");
      assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
      assertThat(tree(done).get("method").asText()).isEqualTo("email");
      assertThat(tree(node.get("/api/v1/notices/art14?due_within=7d", token)).get("notices"))
          .isEmpty();
    }
  }

  private static JsonNode tree(HttpResponse<String> response) throws IOException {
    return Json.mapper().readTree(response.body());
  }
}
