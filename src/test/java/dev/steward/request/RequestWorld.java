package dev.steward.request;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.steward.access.ApiTokens;
import dev.steward.access.ClientAccounts;
import dev.steward.access.MutableClock;
import dev.steward.access.NewStaffUser;
import dev.steward.access.PasswordHasher;
import dev.steward.access.StaffUsers;
import dev.steward.access.TokenOwner;
import dev.steward.app.StewardNode;
import dev.steward.app.TestNodes;
import dev.steward.config.StewardConfig;
import dev.steward.mail.MailSettings;
import dev.steward.principal.ClientKind;
import dev.steward.principal.Permission;
import dev.steward.principal.Principal;
import dev.steward.principal.Role;
import dev.steward.store.Engine;
import dev.steward.web.HttpSettings;
import dev.steward.web.Json;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A whole node for request tests: a fresh store of one engine, a clock the test moves, a real SMTP
 * server (GreenMail) on a free port, a recording SMS provider, and staff, agent and business
 * customer tokens. Everything is called over HTTP.
 */
final class RequestWorld implements AutoCloseable {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final Principal CLI = new Principal.System("cli");

  final MutableClock clock;
  final RecordingSms sms = new RecordingSms();
  final StewardNode node;
  private final StewardConfig config;
  private final StewardNode.Options options;
  private final List<StewardNode> otherNodes = new java.util.ArrayList<>();
  final GreenMail smtp;
  final UUID dpoId;
  final UUID agentId;
  final UUID customerAccount;
  private final ApiTokens tokens;
  private final StaffUsers users;
  private final ClientAccounts clients;
  String dpo;
  String agent;
  String customer;

  private RequestWorld(Engine engine, Instant start, Optional<Path> policy) {
    this(engine, start, policy, null, List.of());
  }

  private RequestWorld(
      Engine engine,
      Instant start,
      Optional<Path> policy,
      dev.steward.fulfilment.FulfilmentSettings fulfilment,
      List<dev.steward.fulfilment.DataSystem> systems) {
    this(engine, start, policy, fulfilment, systems, config -> config);
  }

  private RequestWorld(
      Engine engine,
      Instant start,
      Optional<Path> policy,
      dev.steward.fulfilment.FulfilmentSettings fulfilment,
      List<dev.steward.fulfilment.DataSystem> systems,
      java.util.function.UnaryOperator<StewardConfig> configure) {
    this.clock = new MutableClock(start);
    int smtpPort = freePort();
    smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    StewardConfig base =
        TestNodes.config(
            engine, new HttpSettings("127.0.0.1", 0, 8 * 1024 * 1024, 6000, 6000, List.of()));
    config =
        configure.apply(
            new StewardConfig(
                base.dataDir(),
                base.store(),
                base.keyring(),
                base.http(),
                policy,
                base.keysDir(),
                base.keyVariables(),
                base.passwordHashing(),
                "GB",
                MailSettings.plain("127.0.0.1", smtpPort, "privacy@steward.test", "steward.test")));
    options =
        (fulfilment == null
                ? StewardNode.Options.defaults().withSms(sms)
                : StewardNode.Options.defaults().withSms(sms).withFulfilment(fulfilment))
            .withSystems(systems);
    node = startNode();
    users =
        new StaffUsers(
            node.database(), new PasswordHasher(base.passwordHashing()), node.audit(), clock);
    clients = new ClientAccounts(node.database(), node.audit(), clock);
    tokens = new ApiTokens(node.database(), users, clients, node.audit(), clock);
    dpoId = staff(users, "dpo", Role.DPO).id();
    agentId = staff(users, "agent", Role.AGENT).id();
    customerAccount = clients.add(CLI, "Example Media", ClientKind.BUSINESS_CUSTOMER).id();
    issueTokens();
  }

  private StewardNode startNode() {
    return StewardNode.start(
        config,
        options,
        clock,
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
  }

  /** Another node on the same store, keys and clock, as a second server would run. */
  StewardNode anotherNode() {
    StewardNode other = startNode();
    otherNodes.add(other);
    return other;
  }

  /** Tokens valid at the clock's time: a test that moves the clock years issues new ones. */
  private void issueTokens() {
    dpo = token(TokenOwner.staff(dpoId), Role.DPO.permissions());
    agent = token(TokenOwner.staff(agentId), Role.AGENT.permissions());
    customer =
        token(
            TokenOwner.client(customerAccount),
            Set.of(Permission.CONTENT_REMOVAL_SUBMIT, Permission.REQUEST_READ));
  }

  private String token(TokenOwner owner, Set<Permission> permissions) {
    List<String> scopes = permissions.stream().map(Permission::scope).toList();
    return tokens.create(CLI, owner, "tests", scopes, Duration.ofDays(365)).secret();
  }

  /** Someone calling with a token of everything their role or account kind may hold. */
  record Caller(UUID id, String token) {}

  /** A new staff member of {@code role}, e.g. a second agent or an analyst. */
  Caller staffMember(String name, Role role) {
    UUID id = staff(users, name, role).id();
    return new Caller(id, token(TokenOwner.staff(id), role.permissions()));
  }

  /** Another token of a staff member, scoped to {@code scopes}. */
  String staffToken(UUID staffId, Set<Permission> scopes) {
    return token(TokenOwner.staff(staffId), scopes);
  }

  /** A new client account of {@code kind}. */
  Caller clientAccount(String name, ClientKind kind) {
    UUID id = clients.add(CLI, name, kind).id();
    return new Caller(id, token(TokenOwner.client(id), kind.allowed()));
  }

  static RequestWorld start(Engine engine, Instant start) {
    return new RequestWorld(engine, start, Optional.empty());
  }

  static RequestWorld start(
      Engine engine, Instant start, dev.steward.fulfilment.FulfilmentSettings fulfilment) {
    return new RequestWorld(engine, start, Optional.empty(), fulfilment, List.of());
  }

  /** A node whose configuration {@code configure} changes, e.g. to add a purge webhook. */
  static RequestWorld start(
      Engine engine, Instant start, java.util.function.UnaryOperator<StewardConfig> configure) {
    return new RequestWorld(engine, start, Optional.empty(), null, List.of(), configure);
  }

  /** A node on {@code policy} whose fulfilment also reaches {@code systems}. */
  static RequestWorld start(
      Engine engine,
      Instant start,
      Path policy,
      dev.steward.fulfilment.FulfilmentSettings fulfilment,
      List<dev.steward.fulfilment.DataSystem> systems) {
    return new RequestWorld(engine, start, Optional.of(policy), fulfilment, systems);
  }

  static RequestWorld start(
      Engine engine,
      Instant start,
      dev.steward.fulfilment.FulfilmentSettings fulfilment,
      StewardConfig.Scheduling scheduling) {
    return new RequestWorld(
        engine,
        start,
        Optional.empty(),
        fulfilment,
        List.of(),
        config -> config.withScheduling(scheduling));
  }

  static RequestWorld start(Engine engine, Instant start, Path policy) {
    return new RequestWorld(engine, start, Optional.of(policy));
  }

  private static dev.steward.access.StaffUser staff(StaffUsers users, String name, Role role) {
    return users
        .add(
            CLI,
            new NewStaffUser(name, role, Optional.empty(), Optional.of("a long passphrase 42")))
        .user();
  }

  /** Sets the node's clock to a wall-clock time in a zone, e.g. {@code 2025-01-31T10:00}. */
  void at(String local, String zone) {
    clock.set(LocalDateTime.parse(local).atZone(ZoneId.of(zone)).toInstant());
    issueTokens();
  }

  static Instant instant(String local, String zone) {
    return LocalDateTime.parse(local).atZone(ZoneId.of(zone)).toInstant();
  }

  HttpResponse<String> post(String path, String token, String json) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri(path))
            .header("Content-Type", "application/json")
            .POST(
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return send(request);
  }

  HttpResponse<String> get(String path, String token) {
    return send(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token).GET());
  }

  HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + node.port() + path);
  }

  /** Staff logs a request that arrived by email at {@code receivedAt}; returns its id. */
  UUID log(String type, String residence, String email, Instant receivedAt) {
    String reference =
        reference(
            post(
                "/api/v1/requests",
                dpo,
                "{\"type\":\"%s\",\"residence\":\"%s\",\"identity\":{\"email\":\"%s\"},\"channel\":\"email\",\"receivedAt\":\"%s\"}"
                    .formatted(type, residence, email, receivedAt)));
    return idOf(reference);
  }

  /** The privacy center's intake; returns the reference. */
  String submit(String json) {
    return reference(post("/api/v1/public/requests", null, json));
  }

  static String reference(HttpResponse<String> response) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    return json(response).get("reference").asText();
  }

  UUID idOf(String reference) {
    return node.database()
        .jdbi()
        .withHandle(
            handle ->
                handle
                    .createQuery("select id from rights_request where reference = :r")
                    .bind("r", reference)
                    .mapTo(UUID.class)
                    .one());
  }

  JsonNode detail(UUID id) {
    HttpResponse<String> response = get("/api/v1/requests/" + id, dpo);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json(response);
  }

  HttpResponse<String> act(UUID id, String action, String json) {
    return post("/api/v1/requests/" + id + "/" + action, dpo, json);
  }

  int count(String table) {
    return node.database()
        .jdbi()
        .withHandle(
            handle ->
                handle.createQuery("select count(*) from " + table).mapTo(Integer.class).one());
  }

  static JsonNode json(HttpResponse<String> response) {
    try {
      return Json.mapper().readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits until {@code count} letters have arrived in all, and returns them. */
  List<MimeMessage> letters(int count) {
    eventually(count + " letters arrive", () -> smtp.getReceivedMessages().length >= count);
    return Arrays.asList(smtp.getReceivedMessages());
  }

  /** Uploads a document through the privacy center, as a browser's multipart form would. */
  HttpResponse<String> upload(
      String reference, String token, String kind, String contentType, byte[] content) {
    String boundary = "steward-test-" + UUID.randomUUID();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    String fields =
        part(boundary, "token", token)
            + part(boundary, "kind", kind)
            + "--"
            + boundary
            + "\r\n"
            + "Content-Disposition: form-data; name=\"file\"; filename=\"proof\"\r\n"
            + "Content-Type: "
            + contentType
            + "\r\n\r\n";
    body.writeBytes(fields.getBytes(StandardCharsets.UTF_8));
    body.writeBytes(content);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return send(
        HttpRequest.newBuilder(uri("/api/v1/public/requests/" + reference + "/documents"))
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
  }

  private static String part(String boundary, String name, String value) {
    return "--"
        + boundary
        + "\r\nContent-Disposition: form-data; name=\""
        + name
        + "\"\r\n\r\n"
        + value
        + "\r\n";
  }

  /** Waits until {@code count} letters to {@code to} with the subject have arrived. */
  List<MimeMessage> letters(String to, String subject, int count) {
    List<MimeMessage> found = new java.util.ArrayList<>();
    eventually(
        count + " letters '" + subject + "' to " + to,
        () -> {
          found.clear();
          for (MimeMessage message : smtp.getReceivedMessages()) {
            if (recipient(message).equals(to) && subjectOf(message).contains(subject)) {
              found.add(message);
            }
          }
          return found.size() >= count;
        });
    return found;
  }

  String state(UUID id) {
    return detail(id).at("/summary/state").asText();
  }

  /** The newest letter to {@code to} whose subject contains {@code subject}. */
  MimeMessage letter(String to, String subject) {
    MimeMessage[] found = new MimeMessage[1];
    eventually(
        "a letter '" + subject + "' to " + to,
        () -> {
          for (MimeMessage message : smtp.getReceivedMessages()) {
            if (recipient(message).equals(to) && subjectOf(message).contains(subject)) {
              found[0] = message;
            }
          }
          return found[0] != null;
        });
    return found[0];
  }

  static String subjectOf(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String recipient(MimeMessage message) {
    try {
      return message.getHeader("To", null);
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  static String body(MimeMessage message) {
    try {
      Object content = message.getContent();
      return content instanceof String text ? text : content.toString();
    } catch (IOException | jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The one-time code (6 digits, indented) or access key in a letter. */
  static String secretIn(MimeMessage message) {
    Matcher matcher = Pattern.compile("\n    (\\S+)\r?\n").matcher(body(message));
    assertThat(matcher.find()).as(body(message)).isTrue();
    return matcher.group(1);
  }

  static void eventually(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting until " + what);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    otherNodes.forEach(StewardNode::close);
    node.close();
    smtp.stop();
  }
}
