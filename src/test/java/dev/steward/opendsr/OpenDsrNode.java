package dev.steward.opendsr;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.app.TestNodes;
import dev.steward.config.StewardConfig;
import dev.steward.store.Engine;
import dev.steward.web.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Optional;
import java.util.UUID;

/** A node serving OpenDSR with a key from a run-time test CA, two controllers and a staff token. */
final class OpenDsrNode implements AutoCloseable {
  static final String DOMAIN = "opendsr.steward.test";

  final TestCa ca;
  final TestNodes.Running node;
  final String staff;
  final String controller;
  final String otherController;

  OpenDsrNode(Engine engine) {
    StewardConfig config = TestNodes.config(engine, TestNodes.http());
    try {
      ca = new TestCa(Files.createTempDirectory("opendsr-ca-"), DOMAIN);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    node =
        TestNodes.start(
            config.withOpenDsr(
                new OpenDsrSettings(
                    Optional.of(ca.keyFile),
                    Optional.of(ca.chainFile),
                    DOMAIN,
                    true,
                    "IE",
                    "US-CA")));
    staff = node.adminToken("clients:manage", "tokens:manage", "request:work", "request:read");
    controller = controllerToken("acme-crm");
    otherController = controllerToken("other-crm");
  }

  /** A configuration on which OpenDSR has no key. */
  static TestNodes.Running unconfigured(Engine engine) {
    return TestNodes.start(TestNodes.config(engine, TestNodes.http()));
  }

  private String controllerToken(String name) {
    HttpResponse<String> client =
        node.json(
            "POST",
            "/api/v1/clients",
            staff,
            "{\"name\":\"" + name + "\",\"kind\":\"opendsr-controller\"}");
    String id = field(client, "id");
    HttpResponse<String> token =
        node.json(
            "POST",
            "/api/v1/tokens",
            staff,
            "{\"name\":\""
                + name
                + "\",\"scopes\":[\"opendsr:submit\"],\"expiresInDays\":1,"
                + "\"clientId\":\""
                + id
                + "\"}");
    return field(token, "secret");
  }

  private static String field(HttpResponse<String> response, String name) {
    JsonNode value = tree(response).get(name);
    if (value == null) {
      throw new IllegalStateException(response.statusCode() + " " + response.body());
    }
    return value.asText();
  }

  static String body(String subjectRequestId, String type, String callbackUrl) {
    return """
        {"regulation":"gdpr","subject_request_id":"%s","subject_request_type":"%s",\
        "subject_identities":[{"identity_type":"email","identity_value":"ada@example.org",\
        "identity_format":"raw"}],"submitted_time":"2026-11-20T10:00:00Z",\
        "status_callback_urls":[%s],"api_version":"2.0"}"""
        .formatted(subjectRequestId, type, callbackUrl == null ? "" : "\"" + callbackUrl + "\"");
  }

  static String newId() {
    return UUID.randomUUID().toString();
  }

  HttpResponse<String> submit(String token, String body) {
    return node.json("POST", "/opendsr/v1/requests", token, body);
  }

  /** Moves a request on as staff: start, complete, deny, withdraw. */
  HttpResponse<String> staff(String requestId, String action, String body) {
    return node.json("POST", "/api/v1/requests/" + requestId + "/" + action, staff, body);
  }

  /** The Steward request id behind a subject_request_id. */
  UUID requestId(String subjectRequestId) {
    return node.node()
        .database()
        .jdbi()
        .withHandle(
            handle ->
                handle
                    .createQuery(
                        "select request_id from opendsr_request where subject_request_id = :s")
                    .bind("s", subjectRequestId)
                    .mapTo(UUID.class)
                    .one());
  }

  int count(String table) {
    return node.node()
        .database()
        .jdbi()
        .withHandle(
            handle ->
                handle.createQuery("select count(*) from " + table).mapTo(Integer.class).one());
  }

  static JsonNode tree(HttpResponse<String> response) {
    try {
      return Json.mapper().readTree(response.body());
    } catch (IOException e) {
      throw new IllegalStateException(response.statusCode() + " " + response.body(), e);
    }
  }

  @Override
  public void close() {
    node.close();
  }
}
