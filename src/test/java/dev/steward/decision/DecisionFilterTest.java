package dev.steward.decision;

import static dev.steward.decision.DecisionApiTest.count;
import static dev.steward.decision.DecisionApiTest.decide;
import static dev.steward.decision.DecisionApiTest.identity;
import static dev.steward.decision.DecisionApiTest.optOut;
import static dev.steward.decision.DecisionApiTest.subscribe;
import static dev.steward.decision.DecisionApiTest.tree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.app.TestNodes;
import dev.steward.error.InvalidInputException;
import dev.steward.error.StewardException;
import dev.steward.principal.Principal;
import dev.steward.store.Engine;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code POST /api/v1/decisions/filter} on a real node, on H2 and PostgreSQL: the allowed lines of
 * a list come out unchanged and in order, each as {@code POST /api/v1/decisions} decides it; a
 * malformed line, an unknown purpose or a list past the limits is refused, clearly, and nothing is
 * audited or answered in part.
 */
class DecisionFilterTest {
  private static final Principal SYSTEM = new Principal.System("test");

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void list_keepsTheAllowedLinesInOrder_asSingleDecisionsDecideThem(Engine engine)
      throws IOException {
    try (TestNodes.Running node = DecisionApiTest.start(engine)) {
      String token = node.adminToken("decision:read");
      subscribe(node, "ada@example.org");
      subscribe(node, "dan@example.org");
      assertThat(optOut(node, body("carol@example.org"), "1").statusCode()).isEqualTo(202);
      assertThat(optOut(node, body("dan@example.org"), "1").statusCode()).isEqualTo(202);
      List<String> people =
          List.of("ada@example.org", "bob@example.org", "carol@example.org", "dan@example.org");
      String csv =
          "id,Email,name\n"
              + "1,Ada@Example.org,Ada\n"
              + "2,bob@example.org,\"Bob, \"\"the builder\"\"\"\n"
              + "\n"
              + "3,carol@example.org,Carol\r\n"
              + "4,dan@example.org,Dan\n";

      HttpResponse<String> sale =
          filter(node, token, "ad-server", "audience-sale", csv, "text/csv");
      assertThat(sale.statusCode()).as(sale.body()).isEqualTo(200);
      assertThat(sale.body())
          .isEqualTo(
              "id,Email,name\n"
                  + "1,Ada@Example.org,Ada\n"
                  + "2,bob@example.org,\"Bob, \"\"the builder\"\"\"\n");
      assertThat(sale.headers().firstValue("Steward-Read")).contains("4");
      assertThat(sale.headers().firstValue("Steward-Allowed")).contains("2");
      assertThat(sale.headers().firstValue("Steward-Policy-Version")).contains("d1");
      HttpResponse<String> newsletter = filter(node, token, "crm", "newsletter", csv, "text/csv");
      assertThat(newsletter.body())
          .isEqualTo("id,Email,name\n1,Ada@Example.org,Ada\n4,dan@example.org,Dan\n");

      // Each line as the single decision decides it, for every kind of party on the list.
      for (String purpose : List.of("audience-sale", "newsletter")) {
        String system = purpose.equals("newsletter") ? "crm" : "ad-server";
        String category = purpose.equals("newsletter") ? "contact.email" : "device.identifier";
        String kept = purpose.equals("newsletter") ? newsletter.body() : sale.body();
        for (String person : people) {
          boolean allowed =
              decide(node, token, identity(person), system, purpose, category).startsWith("allow");
          assertThat(kept.toLowerCase(java.util.Locale.ROOT).contains(person))
              .as(purpose + " " + person)
              .isEqualTo(allowed);
        }
      }

      String ndjson =
          "{\"email\":\"ada@example.org\",\"list\":7}\n{\"email\":\"carol@example.org\"}\n";
      HttpResponse<String> lines =
          filter(node, token, "ad-server", "audience-sale", ndjson, "application/x-ndjson");
      assertThat(lines.statusCode()).as(lines.body()).isEqualTo(200);
      assertThat(lines.body()).isEqualTo("{\"email\":\"ada@example.org\",\"list\":7}\n");
      assertThat(lines.headers().firstValue("Content-Type").orElse(""))
          .startsWith("application/x-ndjson");

      // One entry per call, with its counts, and no address in it.
      assertThat(count(node, "select count(*) from audit_entry where action = 'decision.filter'"))
          .isEqualTo(3);
      String detail =
          node.node()
              .database()
              .jdbi()
              .withHandle(
                  h ->
                      h.createQuery(
                              "select detail from audit_entry where action = 'decision.filter'"
                                  + " order by seq")
                          .mapTo(String.class)
                          .first());
      assertThat(detail)
          .contains("system=ad-server", "read=4", "allowed=2", "denied.opted_out_sale_sharing=2")
          .doesNotContain("@");
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void anAddressThatUnsubscribed_isLeftOut_thoughStewardKnowsNoOneByIt(Engine engine)
      throws IOException {
    try (TestNodes.Running node = DecisionApiTest.start(engine)) {
      String token = node.adminToken("decision:read");
      String hash =
          node.node().vault().index().hash(dev.steward.vault.Identity.email("erin@example.org"));
      new dev.steward.consent.Subscriptions(
              node.node().database().jdbi(),
              node.node().audit(),
              node.node().consent().states(),
              Clock.systemUTC())
          .change(
              SYSTEM,
              dev.steward.consent.Party.identity(hash),
              dev.steward.consent.Subscriptions.Scope.channel(
                  dev.steward.consent.Subscriptions.Channel.EMAIL),
              false,
              dev.steward.consent.Subscriptions.Source.ONE_CLICK);
      HttpResponse<String> kept =
          node.send(
              HttpRequest.newBuilder(
                      node.uri(
                          "/api/v1/decisions/filter?system=crm&purpose=marketing"
                              + "&categories=contact.email&channel=email"))
                  .header("Content-Type", "text/csv")
                  .header("Authorization", "Bearer " + token)
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "email\nerin@example.org\nfred@example.org\n")));
      assertThat(kept.statusCode()).as(kept.body()).isEqualTo(200);
      assertThat(kept.body()).isEqualTo("email\nfred@example.org\n");
    }
  }

  @ParameterizedTest
  @MethodSource("dev.steward.store.TestDatabases#engines")
  void malformedLineOrUnknownPurpose_isRefusedClearly_andNothingIsAudited(Engine engine)
      throws IOException {
    try (TestNodes.Running node = DecisionApiTest.start(engine)) {
      String token = node.adminToken("decision:read");
      HttpResponse<String> bad =
          filter(
              node,
              token,
              "crm",
              "service",
              "email\nada@example.org\nnot-an-address\nbob@example.org\n",
              "text/csv");
      assertThat(bad.statusCode()).as(bad.body()).isEqualTo(422);
      assertThat(bad.headers().firstValue("Content-Type").orElse(""))
          .startsWith("application/problem+json");
      assertThat(tree(bad).toString()).contains("line 3").doesNotContain("ada@");

      HttpResponse<String> json =
          filter(
              node,
              token,
              "crm",
              "service",
              "{\"email\":\"a@example.org\"}\n[1]\n",
              "application/x-ndjson");
      assertThat(json.statusCode()).isEqualTo(422);
      assertThat(json.body()).contains("line 2");

      HttpResponse<String> purpose =
          filter(node, token, "crm", "newsletters", "email\nada@example.org\n", "text/csv");
      assertThat(purpose.statusCode()).isEqualTo(422);
      assertThat(purpose.body()).contains("newsletters");

      HttpResponse<String> noColumn =
          filter(node, token, "crm", "service", "address\nada@example.org\n", "text/csv");
      assertThat(noColumn.statusCode()).isEqualTo(422);
      assertThat(noColumn.body()).contains("line 1");

      HttpResponse<String> type =
          filter(node, token, "crm", "service", "ada@example.org\n", "text/plain");
      assertThat(type.statusCode()).isEqualTo(415);

      HttpResponse<String> anonymous =
          filter(node, null, "crm", "service", "email\nada@example.org\n", "text/csv");
      assertThat(anonymous.statusCode()).isEqualTo(401);

      assertThat(count(node, "select count(*) from audit_entry where action like 'decision.%'"))
          .isZero();
    }
  }

  @Test
  void uploadDeclaredAsTwoGigabytes_isAnswered413_beforeItIsRead() throws IOException {
    try (TestNodes.Running node = DecisionApiTest.start(Engine.H2)) {
      String token = node.adminToken("decision:read");
      try (Socket socket = new Socket("127.0.0.1", node.node().port())) {
        socket.setSoTimeout(10_000);
        OutputStream out = socket.getOutputStream();
        out.write(
            ("POST /api/v1/decisions/filter?system=crm&purpose=service&categories=contact.email"
                    + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + token
                    + "\r\nContent-Type: text/csv\r\nContent-Length: 2147483648\r\n\r\n"
                    + "email\nada@example.org\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String answer = new String(readSome(socket.getInputStream()), StandardCharsets.UTF_8);
        assertThat(answer).startsWith("HTTP/1.1 413").contains("payload-too-large");
      }
      assertThat(count(node, "select count(*) from audit_entry where action like 'decision.%'"))
          .isZero();
    }
  }

  @Test
  void endlessStream_isCutAtTheLimits_withoutHoldingIt() throws IOException {
    try (TestNodes.Running node = DecisionApiTest.start(Engine.H2)) {
      DecisionFilter filter =
          new DecisionFilter(
              node.node().policies(),
              node.node().consent().states(),
              node.node().database().jdbi(),
              node.node().vault().index(),
              node.node().audit(),
              Clock.systemUTC(),
              new DecisionFilter.Limits(4L << 20, 1_000_000));
      DecisionQuery question = filter.check("crm", "service", List.of("contact.email"), null, null);
      // Valid addresses without end, far past 4 MiB: refused at the byte limit, never whole.
      assertThatThrownBy(
              () ->
                  filter.filter(
                      SYSTEM,
                      question,
                      DecisionFilter.Format.CSV,
                      -1,
                      endless("email\n", n -> "person" + n + "@example.org\n"),
                      OutputStream.nullOutputStream()))
          .isInstanceOf(StewardException.class)
          .satisfies(e -> assertThat(((StewardException) e).httpStatus()).isEqualTo(413));
      // One line without end: refused as soon as it is longer than a line may be.
      assertThatThrownBy(
              () ->
                  filter.filter(
                      SYSTEM,
                      question,
                      DecisionFilter.Format.CSV,
                      -1,
                      endless("email\nada", n -> "aaaaaaaaaaaaaaaa"),
                      OutputStream.nullOutputStream()))
          .isInstanceOf(InvalidInputException.class)
          .hasMessageContaining("line 2")
          .hasMessageContaining("longer than");
      DecisionFilter fewLines =
          new DecisionFilter(
              node.node().policies(),
              node.node().consent().states(),
              node.node().database().jdbi(),
              node.node().vault().index(),
              node.node().audit(),
              Clock.systemUTC(),
              new DecisionFilter.Limits(1L << 30, 1000));
      assertThatThrownBy(
              () ->
                  fewLines.filter(
                      SYSTEM,
                      question,
                      DecisionFilter.Format.CSV,
                      -1,
                      endless("email\n", n -> "person" + n + "@example.org\n"),
                      OutputStream.nullOutputStream()))
          .isInstanceOf(StewardException.class)
          .hasMessageContaining("1000 lines");
      // Within the limits the same stream, cut short, is filtered whole.
      DecisionFilter.Result result =
          fewLines.filter(
              SYSTEM,
              question,
              DecisionFilter.Format.CSV,
              -1,
              new ByteArrayInputStream(
                  "email\na@example.org\nb@example.org\n".getBytes(StandardCharsets.UTF_8)),
              OutputStream.nullOutputStream());
      assertThat(result.read()).isEqualTo(2);
      assertThat(result.allowed()).isEqualTo(2);
    }
  }

  private static String body(String email) {
    return "{" + identity(email) + "}";
  }

  private static HttpResponse<String> filter(
      TestNodes.Running node,
      String token,
      String system,
      String purpose,
      String list,
      String contentType) {
    String category = purpose.startsWith("audience") ? "device.identifier" : "contact.email";
    HttpRequest.Builder request =
        HttpRequest.newBuilder(
                node.uri(
                    "/api/v1/decisions/filter?system="
                        + system
                        + "&purpose="
                        + purpose
                        + "&categories="
                        + category))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(list));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return node.send(request);
  }

  private static byte[] readSome(InputStream in) throws IOException {
    byte[] buffer = new byte[4096];
    int total = 0;
    long until = System.nanoTime() + 10_000_000_000L;
    while (total < buffer.length && System.nanoTime() < until) {
      int n = in.read(buffer, total, buffer.length - total);
      if (n < 0) {
        break;
      }
      total += n;
      if (new String(buffer, 0, total, StandardCharsets.UTF_8).contains("}")) {
        break;
      }
    }
    return java.util.Arrays.copyOf(buffer, total);
  }

  /** A stream that starts with {@code head} and then never ends, generated as it is read. */
  private static InputStream endless(String head, java.util.function.LongFunction<String> line) {
    return new InputStream() {
      private byte[] current = head.getBytes(StandardCharsets.UTF_8);
      private int at;
      private long n;

      @Override
      public int read() {
        if (at == current.length) {
          current = line.apply(n++).getBytes(StandardCharsets.UTF_8);
          at = 0;
        }
        return current[at++] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        int i = 0;
        for (; i < len; i++) {
          b[off + i] = (byte) read();
        }
        return i;
      }
    };
  }
}
