package dev.steward.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import dev.steward.app.TestNodes;
import dev.steward.principal.Permission;
import dev.steward.store.Engine;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Generated hostile JSON sent to every route of one started node, with an admin token holding every
 * scope so that protected routes are reached past authentication. Each body carries at least one
 * flaw Steward must refuse whatever the route (a number or nesting past the limits, a key given
 * twice, bytes that are not UTF-8, a raw NUL, a truncated document, or a field of the wrong JSON
 * type), on top of hostile but well-formed values (long strings, escaped NULs, lone surrogates,
 * bidi controls). No answer may be a 5xx, a route that reads a body must refuse it and leave no
 * success in the audit log, and no row may be stored.
 */
class HostileJsonTest {
  private static final Pattern PATH_PARAM = Pattern.compile("\\{([^}]+)}");
  private static final List<String> FORM_FIELDS = List.of("email", "name", "message", "agree");
  private static final List<String> ANY_FIELDS = List.of("type", "id", "value");

  private static TestNodes.Running running;
  private static String admin;
  private static Map<String, String> fixtures;

  @BeforeContainer
  static void start() {
    // A rate far above the tries, so public routes are reached rather than refused with 429.
    HttpSettings http =
        new HttpSettings("127.0.0.1", 0, 16_384, 1_000_000, 1_000_000, List.of("https://a.test"));
    running = TestNodes.start(TestNodes.config(Engine.H2, http));
    admin =
        running.adminToken(
            Arrays.stream(Permission.values()).map(Permission::scope).toArray(String[]::new));
    fixtures = fixtures();
  }

  @AfterContainer
  static void stop() {
    if (running != null) {
      running.close();
    }
  }

  @Property(tries = 80)
  void hostileBody_onEveryRoute_isNeverA5xxNorAcceptedNorStored(
      @ForAll("hostile") Hostile hostile, @ForAll("pathValues") String pathValue) {
    String signOutToken = throwawayToken();
    Map<String, Long> before = rowCounts();
    List<String> failures = new ArrayList<>();

    for (ApiRoute route : running.node().routes().routes()) {
      boolean signOut = route.path().equals("/api/v1/auth/sign-out");
      long audited = auditSeq();
      HttpResponse<String> answer = send(route, hostile, pathValue, signOut ? signOutToken : admin);
      String call = route.method() + " " + route.path() + " → " + answer.statusCode();
      if (answer.statusCode() >= 500 && !isOpenDsrUnconfigured(route, answer)) {
        failures.add(call + " " + answer.body());
      }
      // Routes that take no body do what they do whatever is sent (sign-out revokes the token it
      // is called with, reads are audited); a route that reads one must take nothing from it.
      if (readsJsonBody(route) && answer.statusCode() < 400) {
        failures.add(call + " accepted a flawed body");
      }
      if (readsJsonBody(route) && !successesAuditedSince(audited).isEmpty()) {
        failures.add(call + " audited " + successesAuditedSince(audited));
      }
    }

    assertThat(failures).as(hostile.toString()).isEmpty();
    assertThat(rowCounts()).as(hostile.toString()).isEqualTo(before);
  }

  // ---- what is sent ----

  /** The kinds of flaw that make any body unacceptable. */
  enum Flaw {
    HUGE_NUMBER,
    DEEP_NESTING,
    DUPLICATE_KEY,
    INVALID_UTF8,
    RAW_NUL,
    TRUNCATED,
    WRONG_TYPE
  }

  /**
   * A recipe for one body: which flaw, how large, at which field (or the whole document), and what
   * well-formed but hostile text fills the other fields.
   */
  record Hostile(Flaw flaw, int size, int field, boolean whole, String filler, String contentType) {
    byte[] bodyFor(List<BodyField> properties) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      if (whole && flaw != Flaw.DUPLICATE_KEY && flaw != Flaw.WRONG_TYPE) {
        out.writeBytes(flawed(null));
        return out.toByteArray();
      }
      BodyField target = properties.get(Math.floorMod(field, properties.size()));
      out.writeBytes("{".getBytes(StandardCharsets.UTF_8));
      boolean first = true;
      for (BodyField property : properties) {
        if (!first) {
          out.writeBytes(",".getBytes(StandardCharsets.UTF_8));
        }
        first = false;
        out.writeBytes(("\"" + property.name() + "\":").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(property == target ? flawed(property) : property.wellTyped(filler));
      }
      if (flaw == Flaw.DUPLICATE_KEY) {
        out.writeBytes((",\"" + target.name() + "\":").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(target.wellTyped(filler));
      }
      if (flaw != Flaw.TRUNCATED) {
        out.writeBytes("}".getBytes(StandardCharsets.UTF_8));
      }
      return out.toByteArray();
    }

    private byte[] flawed(BodyField property) {
      return switch (flaw) {
        case HUGE_NUMBER ->
            ("-" + "9".repeat(Json.MAX_NUMBER_LENGTH + size) + ".5e999")
                .getBytes(StandardCharsets.UTF_8);
        case DEEP_NESTING ->
            ("[".repeat(Json.MAX_NESTING_DEPTH + size)).getBytes(StandardCharsets.UTF_8);
        case INVALID_UTF8 ->
            concat("\"a".getBytes(StandardCharsets.UTF_8), badUtf8(), new byte[] {'"'});
        case RAW_NUL -> new byte[] {'"', 'a', 0, 'b', '"'};
        case TRUNCATED -> "\"unfinished".getBytes(StandardCharsets.UTF_8);
        case DUPLICATE_KEY ->
            property == null ? "{}".getBytes(StandardCharsets.UTF_8) : property.wellTyped(filler);
        case WRONG_TYPE ->
            property == null ? "[]".getBytes(StandardCharsets.UTF_8) : property.wrongTyped();
      };
    }

    private static byte[] concat(byte[]... parts) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      for (byte[] part : parts) {
        out.writeBytes(part);
      }
      return out.toByteArray();
    }

    private byte[] badUtf8() {
      byte[][] sequences = {
        {(byte) 0xFF},
        {(byte) 0xC3, 0x28},
        {(byte) 0x80},
        {(byte) 0xF8, (byte) 0x88, (byte) 0x80},
        {(byte) 0xE2, (byte) 0x82}
      };
      return sequences[Math.floorMod(size, sequences.length)];
    }
  }

  /** A JSON property of a route's body, and the JSON types its Java type takes. */
  record BodyField(String name, Class<?> type) {
    byte[] wellTyped(String filler) {
      String json;
      if (isText()) {
        json = Json.mapper().valueToTree(filler).toString();
      } else if (Number.class.isAssignableFrom(boxed())) {
        json = "1";
      } else if (boxed() == Boolean.class) {
        json = "true";
      } else if (Collection.class.isAssignableFrom(type) || type.isArray()) {
        json = "[]";
      } else {
        json = "{}";
      }
      return json.getBytes(StandardCharsets.UTF_8);
    }

    /** A value no deserializer of {@code type} takes; an object for a text field, and so on. */
    byte[] wrongTyped() {
      boolean anything =
          type == Object.class
              || JsonNode.class.isAssignableFrom(type)
              || Map.class.isAssignableFrom(type);
      String json =
          anything
              ? "9".repeat(Json.MAX_NUMBER_LENGTH + 1)
              : isText()
                      || Number.class.isAssignableFrom(boxed())
                      || boxed() == Boolean.class
                      || Collection.class.isAssignableFrom(type)
                      || type.isArray()
                  ? "{\"a\":1}"
                  : "[1,2]";
      return json.getBytes(StandardCharsets.UTF_8);
    }

    private boolean isText() {
      return CharSequence.class.isAssignableFrom(type)
          || type.isEnum()
          || type == UUID.class
          || Temporal.class.isAssignableFrom(type)
          || type == java.time.ZoneId.class;
    }

    private Class<?> boxed() {
      if (!type.isPrimitive()) {
        return type;
      }
      return type == boolean.class ? Boolean.class : Number.class;
    }
  }

  @Provide
  Arbitrary<Hostile> hostile() {
    Arbitrary<String> filler =
        Arbitraries.oneOf(
            Arbitraries.strings().ofMaxLength(40),
            Arbitraries.strings()
                .withChars('a', 'é', '\u202e', '\u0000', '\ud83d')
                .ofMinLength(500)
                .ofMaxLength(1500),
            Arbitraries.of(
                "",
                " ",
                "\u0000",
                "\ud800",
                "\udfff@example.com",
                "x\u202eevil",
                "null",
                "true",
                "0",
                "ann@example.org\u0000",
                "+44 20 7946 0018"));
    return Combinators.combine(
            Arbitraries.of(Flaw.class),
            Arbitraries.integers().between(1, 3000),
            Arbitraries.integers().between(0, 20),
            Arbitraries.of(true, false, false, false),
            filler,
            Arbitraries.of(
                "application/json",
                "application/json",
                "application/json; charset=utf-8",
                "text/plain",
                "application/x-www-form-urlencoded"))
        .as(Hostile::new);
  }

  /**
   * What fills path parameters: ids that exist (so the body is reached), unknown ids, and text that
   * is no id at all. Percent-encoded NUL or non-UTF-8 bytes are left out: Jetty refuses them before
   * any route runs.
   */
  @Provide
  Arbitrary<String> pathValues() {
    return Arbitraries.of(
        "fixture",
        "fixture",
        "fixture",
        UUID.randomUUID().toString(),
        "not-an-id",
        "9".repeat(40),
        "R-0000-0000",
        "a".repeat(300));
  }

  // ---- calling the node ----

  private static HttpResponse<String> send(
      ApiRoute route, Hostile hostile, String pathValue, String token) {
    byte[] body = hostile.bodyFor(properties(route));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(running.uri(path(route, pathValue)))
            .header("Content-Type", hostile.contentType())
            .header("Authorization", "Bearer " + token)
            .method(route.method().name(), HttpRequest.BodyPublishers.ofByteArray(body));
    try {
      return running.send(request);
    } catch (UncheckedIOException e) {
      // A pooled keep-alive connection the server closed as it was taken answers no bytes, and
      // the client retries only idempotent methods itself. Once more on a fresh connection; a
      // route that really drops the connection fails again.
      return running.send(request);
    }
  }

  private static String path(ApiRoute route, String pathValue) {
    Matcher matcher = PATH_PARAM.matcher(route.path());
    StringBuilder path = new StringBuilder();
    while (matcher.find()) {
      String value =
          pathValue.equals("fixture")
              ? fixtures.entrySet().stream()
                  .filter(f -> route.path().startsWith(f.getKey()))
                  .map(Map.Entry::getValue)
                  .findFirst()
                  .orElse(UUID.randomUUID().toString())
              : pathValue;
      matcher.appendReplacement(
          path,
          Matcher.quoteReplacement(
              URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20")));
    }
    matcher.appendTail(path);
    return path.toString();
  }

  /** The body's JSON properties as Jackson reads them, or plausible names for other bodies. */
  private static List<BodyField> properties(ApiRoute route) {
    if (route.requestType() == null) {
      List<String> names = route.path().startsWith("/api/v1/collect/") ? FORM_FIELDS : ANY_FIELDS;
      return names.stream().map(name -> new BodyField(name, String.class)).toList();
    }
    BeanDescription description =
        Json.mapper()
            .getDeserializationConfig()
            .introspect(Json.mapper().constructType(route.requestType()));
    List<BodyField> properties = new ArrayList<>();
    for (BeanPropertyDefinition property : description.findProperties()) {
      properties.add(new BodyField(property.getName(), property.getRawPrimaryType()));
    }
    return properties.isEmpty() ? List.of(new BodyField("type", String.class)) : properties;
  }

  private static boolean readsJsonBody(ApiRoute route) {
    return route.requestType() != null || route.path().startsWith("/api/v1/collect/");
  }

  /** With no OpenDSR key configured, its routes answer 503 by design (ARCHITECTURE.md). */
  private static boolean isOpenDsrUnconfigured(ApiRoute route, HttpResponse<String> answer) {
    return route.path().startsWith("/opendsr/")
        && answer.statusCode() == 503
        && answer.body().contains("opendsr-not-configured");
  }

  // ---- what the store holds ----

  /** Ids that exist, so routes under these paths get past their look-up to the body. */
  private static Map<String, String> fixtures() {
    Map<String, String> ids = new LinkedHashMap<>();
    HttpResponse<String> subject =
        running.json(
            "POST",
            "/api/v1/subjects",
            admin,
            "{\"subjectType\":\"customer-contacts\",\"identities\":[{\"type\":\"email\","
                + "\"value\":\"fixture@example.org\"}]}");
    ids.put("/api/v1/subjects/", field(subject, "id"));
    ids.put("/api/v1/collect/", "contact-us");
    HttpResponse<String> request =
        running.json(
            "POST",
            "/api/v1/requests",
            admin,
            "{\"type\":\"access\",\"residence\":\"GB\",\"identity\":{\"email\":"
                + "\"fixture@example.org\"},\"channel\":\"email\"}");
    String reference = field(request, "reference");
    ids.put("/api/v1/public/requests/", reference);
    ids.put(
        "/api/v1/requests/",
        running
            .node()
            .database()
            .jdbi()
            .withHandle(
                handle ->
                    handle
                        .createQuery("select id from rights_request where reference = :r")
                        .bind("r", reference)
                        .mapTo(String.class)
                        .one()));
    return ids;
  }

  /** A token of its own for the sign-out route, which revokes the token it is called with. */
  private static String throwawayToken() {
    return field(
        running.json(
            "POST",
            "/api/v1/tokens",
            admin,
            "{\"name\":\"sign-out-"
                + System.nanoTime()
                + "\",\"scopes\":[\"tokens:manage\"],\"expiresInDays\":1}"),
        "secret");
  }

  private static String field(HttpResponse<String> response, String name) {
    try {
      return Json.mapper().readTree(response.body()).get(name).asText();
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException(response.statusCode() + " " + response.body(), e);
    }
  }

  /**
   * Rows per table, but the audit log's, which records reads and refusals by design and is checked
   * per call instead.
   */
  private static Map<String, Long> rowCounts() {
    return running
        .node()
        .database()
        .jdbi()
        .withHandle(
            handle -> {
              List<String> tables =
                  handle
                      .createQuery(
                          "select table_name from information_schema.tables"
                              + " where table_schema = current_schema"
                              + " and table_type = 'BASE TABLE'"
                              + " and lower(table_name) not like 'audit%'")
                      .mapTo(String.class)
                      .list();
              Map<String, Long> counts = new LinkedHashMap<>();
              for (String table : tables) {
                counts.put(
                    table,
                    handle
                        .createQuery("select count(*) from \"" + table + "\"")
                        .mapTo(Long.class)
                        .one());
              }
              return counts;
            });
  }

  private static long auditSeq() {
    return running
        .node()
        .database()
        .jdbi()
        .withHandle(
            handle ->
                handle
                    .createQuery("select coalesce(max(seq), 0) from audit_entry")
                    .mapTo(Long.class)
                    .one());
  }

  /** What the audit log recorded as done since {@code seq}. */
  private static List<String> successesAuditedSince(long seq) {
    return running
        .node()
        .database()
        .jdbi()
        .withHandle(
            handle ->
                handle
                    .createQuery(
                        "select action from audit_entry where seq > :seq and outcome = 'ok'")
                    .bind("seq", seq)
                    .mapTo(String.class)
                    .list());
  }
}
