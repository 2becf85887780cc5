package dev.steward.policy.documents;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.steward.error.UnauthenticatedException;
import dev.steward.principal.Authenticator;
import dev.steward.principal.Principal;
import dev.steward.web.HttpServer;
import dev.steward.web.HttpSettings;
import dev.steward.web.RouteRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PolicyDocumentRoutesTest {
  /** "Bearer staff" may do anything, "Bearer subject" nothing; any other token is refused. */
  private static final Authenticator TOKENS =
      authorization -> {
        if (authorization == null) {
          return new Principal.Anonymous();
        }
        return switch (authorization) {
          case "Bearer staff" -> new Principal.System("test");
          case "Bearer subject" -> new Principal.SubjectSession(UUID.randomUUID(), "ref");
          default -> throw new UnauthenticatedException("unknown token");
        };
      };

  private static HttpServer server;
  private static final HttpClient client = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    RouteRegistry registry = new RouteRegistry();
    new PolicyDocumentRoutes(new DocumentFixtures.BundledOnly(), DocumentFixtures.DOCUMENTS)
        .addTo(registry);
    server =
        new HttpServer(
                HttpSettings.defaults(0),
                registry,
                TOKENS,
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
                DocumentFixtures.CLOCK)
            .start();
  }

  @AfterAll
  static void stop() {
    server.stop();
  }

  @Test
  void privacy_acceptingChinese_isTheChineseNotice() throws Exception {
    HttpResponse<String> response = get("/privacy", "Accept-Language", "zh-CN,zh;q=0.9");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(contentType(response)).isEqualTo("text/html;charset=utf-8");
    assertThat(response.headers().firstValue("Content-Language")).hasValue("zh-CN");
    assertThat(response.headers().firstValue("Vary").orElse("")).contains("Accept-Language");
    assertThat(response.body()).contains("<html lang=\"zh-CN\">", "隐私声明");
  }

  @Test
  void privacy_langQuery_winsOverAcceptLanguage() throws Exception {
    HttpResponse<String> response = get("/privacy?lang=en", "Accept-Language", "zh-CN,zh;q=0.9");

    assertThat(response.headers().firstValue("Content-Language")).hasValue("en");
    assertThat(response.body()).contains("<html lang=\"en\">", "Privacy notice");
  }

  @Test
  void privacy_noLanguagePreference_isEnglish() throws Exception {
    HttpResponse<String> response = get("/privacy", "Accept-Language", "fr-FR, de;q=0.5");

    assertThat(response.headers().firstValue("Content-Language")).hasValue("en");
  }

  @Test
  void privacy_publishedVersion_isServedAndAnUnknownOneIsA404Problem() throws Exception {
    assertThat(get("/privacy/2019-10").statusCode()).isEqualTo(200);

    HttpResponse<String> unknown = get("/privacy/nope");

    assertProblem(unknown, 404, "not-found");
    assertThat(unknown.body()).contains("nope");
  }

  @Test
  void privacy_unknownLang_isA422ProblemNamingTheLanguages() throws Exception {
    HttpResponse<String> response = get("/privacy?lang=fr");

    assertProblem(response, 422, "invalid-input");
    assertThat(response.body()).contains("en, zh-CN");
  }

  @Test
  void stylesheet_isPublicCss() throws Exception {
    HttpResponse<String> response = get("/assets/documents.css");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/css");
  }

  @Test
  void ropa_withoutToken_isA401Problem() throws Exception {
    assertProblem(get("/api/v1/policy/ropa?format=csv"), 401, "unauthenticated");
  }

  @Test
  void ropa_withoutRegisterRead_isA403Problem() throws Exception {
    assertProblem(get("/api/v1/policy/ropa", "Authorization", "Bearer subject"), 403, "forbidden");
  }

  @Test
  void ropa_unknownFormat_isA422ProblemNamingTheAllowedFormats() throws Exception {
    HttpResponse<String> response =
        get("/api/v1/policy/ropa?format=doc", "Authorization", "Bearer staff");

    assertProblem(response, 422, "invalid-input");
    assertThat(response.body()).contains("csv, json, html, pdf");
  }

  @Test
  void ropa_csv_isADownloadWithAFileName() throws Exception {
    HttpResponse<String> response =
        get("/api/v1/policy/ropa?format=csv", "Authorization", "Bearer staff");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(contentType(response)).isEqualTo("text/csv;charset=utf-8");
    assertThat(response.headers().firstValue("Content-Disposition"))
        .hasValue("attachment; filename=\"ropa-2019-10.en.csv\"");
    assertThat(Rfc4180.parse(response.body())).hasSize(14);
  }

  @Test
  void ropa_pdf_isAPdfDownload() throws Exception {
    HttpResponse<byte[]> response =
        client.send(
            request("/api/v1/policy/ropa?format=pdf&lang=zh-CN")
                .header("Authorization", "Bearer staff")
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());

    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(response.headers().firstValue("Content-Disposition").orElse(""))
        .startsWith("attachment;");
    assertThat(new String(response.body(), 0, 4, java.nio.charset.StandardCharsets.US_ASCII))
        .isEqualTo("%PDF");
  }

  @Test
  void registers_defaultToJson() throws Exception {
    for (String path : new String[] {"/api/v1/policy/subprocessors", "/api/v1/policy/transfers"}) {
      HttpResponse<String> response = get(path, "Authorization", "Bearer staff");

      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type").orElse(""))
          .startsWith("application/json");
      assertThat(new ObjectMapper().readTree(response.body()).get("version").asText())
          .isEqualTo("2019-10");
    }
  }

  /** The media type as sent, without the optional space the server may put before parameters. */
  private static String contentType(HttpResponse<?> response) {
    return response.headers().firstValue("Content-Type").orElse("").replace(" ", "");
  }

  private static HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path));
  }

  private static HttpResponse<String> get(String path, String... headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder builder = request(path).GET();
    for (int i = 0; i < headers.length; i += 2) {
      builder.header(headers[i], headers[i + 1]);
    }
    return client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void assertProblem(HttpResponse<String> response, int status, String kind)
      throws IOException {
    assertThat(response.statusCode()).isEqualTo(status);
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    JsonNode body = new ObjectMapper().readTree(response.body());
    assertThat(body.get("type").asText()).isEqualTo("urn:steward:problem:" + kind);
  }
}
