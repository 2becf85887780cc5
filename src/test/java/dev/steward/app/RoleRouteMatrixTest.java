package dev.steward.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.principal.ClientKind;
import dev.steward.principal.Role;
import dev.steward.store.Engine;
import dev.steward.web.Access;
import dev.steward.web.ApiRoute;
import dev.steward.web.Json;
import dev.steward.web.PageRoute;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Who may call each route, written down route by route and checked over HTTP for every role: a
 * route added without a row here fails the build, and so does a role that gains or loses a route
 * without this table saying so. Within a route, need-to-know narrows further (an agent reaches only
 * the requests assigned to them: CaseloadTest; what each role sees of a person:
 * PersonalDataByRoleTest).
 */
class RoleRouteMatrixTest {
  private static final String PASSWORD = "a long passphrase for the matrix 42";
  private static final Pattern PARAMETER = Pattern.compile("\\{[^}]+}");

  /**
   * Every route and who may call it: {@code public} (no one signs in), {@code subject} (a person
   * signed in with a one-time code; staff are refused), or the staff roles that pass the route's
   * check. An auditor and an analyst change nothing but their own tokens and password.
   */
  private static final String MATRIX =
      """
      GET    /health                                              public
      GET    /ready                                               public
      GET    /metrics                                             admin dpo analyst
      GET    /api/openapi.json                                    admin dpo analyst agent auditor business-customer integration opendsr-controller opendsr-processor
      POST   /api/v1/auth/sign-in                                 public
      POST   /api/v1/auth/sign-out                                admin dpo analyst agent auditor
      POST   /api/v1/auth/password                                admin dpo analyst agent auditor
      GET    /api/v1/users                                        admin
      POST   /api/v1/users                                        admin
      POST   /api/v1/users/{id}/disable                           admin
      GET    /api/v1/clients                                      admin
      POST   /api/v1/clients                                      admin
      POST   /api/v1/clients/{id}/disable                         admin
      GET    /api/v1/tokens                                       admin dpo analyst agent auditor
      POST   /api/v1/tokens                                       admin dpo analyst agent auditor
      DELETE /api/v1/tokens/{id}                                  admin dpo analyst agent auditor
      GET    /api/v1/policy                                       admin dpo analyst agent auditor integration
      GET    /api/v1/policy/versions                              admin dpo analyst agent auditor integration
      POST   /api/v1/policy/versions                              admin dpo
      GET    /api/v1/policy/diff                                  admin dpo analyst agent auditor integration
      GET    /.well-known/gpc.json                                public
      GET    /privacy                                             public
      GET    /privacy/{version}                                   public
      GET    /registers/sub-processors                            public
      GET    /registers/transfers                                 public
      GET    /assets/documents.css                                public
      GET    /api/v1/policy/ropa                                  admin dpo analyst auditor
      GET    /api/v1/policy/subprocessors                         admin dpo analyst auditor
      GET    /api/v1/policy/transfers                             admin dpo analyst auditor
      POST   /api/v1/public/requests                              public
      POST   /api/v1/requests                                     admin dpo agent integration
      POST   /api/v1/content-removals                             business-customer
      POST   /api/v1/public/requests/{reference}/code             public
      POST   /api/v1/public/requests/{reference}/code/resend      public
      POST   /api/v1/public/requests/{reference}/data-points      public
      POST   /api/v1/public/requests/{reference}/documents        public
      GET    /api/v1/requests                                     admin dpo analyst agent business-customer integration
      GET    /api/v1/requests/{id}                                admin dpo analyst agent business-customer integration
      POST   /api/v1/requests/{id}/verify                         admin dpo agent
      POST   /api/v1/requests/{id}/start                          admin dpo agent
      POST   /api/v1/requests/{id}/extend                         admin dpo agent
      POST   /api/v1/requests/{id}/pause                          admin dpo agent
      POST   /api/v1/requests/{id}/resume                         admin dpo agent
      POST   /api/v1/requests/{id}/fee                            admin dpo agent
      POST   /api/v1/requests/{id}/complete                       admin dpo agent
      POST   /api/v1/requests/{id}/deny                           admin dpo agent
      POST   /api/v1/requests/{id}/withdraw                       admin dpo agent
      POST   /api/v1/requests/{id}/assign                         admin dpo
      GET    /api/v1/requests/{id}/documents/{documentId}         admin dpo analyst agent business-customer integration
      POST   /api/v1/requests/{id}/documents/{documentId}/review  admin dpo agent
      GET    /opendsr/v1/discovery                                public
      GET    /opendsr/v1/certificate                              public
      POST   /opendsr/v1/requests                                 admin opendsr-controller opendsr-processor
      GET    /opendsr/v1/requests/{id}                            admin opendsr-controller opendsr-processor
      DELETE /opendsr/v1/requests/{id}                            admin opendsr-controller opendsr-processor
      POST   /api/v1/public/sessions                              public
      POST   /api/v1/public/sessions/verify                       public
      GET    /api/v1/me/requests                                  subject
      POST   /api/v1/me/sign-out                                  subject
      POST   /api/v1/requests/{id}/instructions                   admin dpo agent
      GET    /api/v1/requests/{id}/tasks                          admin dpo analyst agent business-customer integration
      GET    /api/v1/access-packages/{id}                         public
      GET    /api/v1/audit/entries                                admin dpo auditor
      POST   /api/v1/audit/verify                                 admin dpo auditor
      POST   /api/v1/subjects                                     admin dpo integration
      GET    /api/v1/subjects/{id}                                admin dpo agent integration
      POST   /api/v1/subjects/search                              admin dpo agent integration
      POST   /api/v1/subjects/{id}/links                          admin dpo integration
      GET    /api/v1/link-candidates                              admin dpo agent integration
      POST   /api/v1/link-candidates/{id}                         admin dpo
      GET    /api/v1/subjects/{id}/records                        admin dpo agent integration
      PATCH  /api/v1/subjects/{id}/records/{recordId}             admin dpo integration
      GET    /api/v1/subjects/{id}/disclosures                    admin dpo agent integration
      POST   /api/v1/subjects/{id}/disclosures                    admin dpo integration
      GET    /api/v1/disclosures                                  admin dpo agent integration
      GET    /api/v1/disclosures/outside-policy                   admin dpo agent integration
      GET    /api/v1/notices/art14                                admin dpo agent integration
      POST   /api/v1/notices/art14/{id}/done                      admin dpo integration
      POST   /api/v1/collect/{formId}                             public
      POST   /api/v1/opt-outs                                     public
      GET    /api/v1/opt-outs/devices/{device}                    public
      POST   /api/v1/consent-events                               admin dpo integration
      GET    /api/v1/consent-events/{id}/receipt                  admin dpo agent integration
      POST   /api/v1/decisions                                    admin dpo integration
      GET    /api/v1/campaigns                                    admin dpo analyst agent auditor integration
      POST   /api/v1/campaigns                                    admin dpo
      GET    /api/v1/campaigns/{id}                               admin dpo analyst agent auditor integration
      GET    /api/v1/subjects/{id}/policy-notices                 admin dpo agent integration
      GET    /consent.js                                          public
      GET    /api/v1/banner                                       public
      POST   /api/v1/banner/choices                               public
      GET    /api/v1/gpp                                          public
      GET    /api/v1/gpp/subjects/{subject}                       admin dpo integration
      GET    /cookies                                             public
      POST   /cookies                                             public
      GET    /console/cookies                                     admin dpo agent
      GET    /api/v1/breaches                                     admin dpo auditor
      POST   /api/v1/breaches                                     admin dpo
      GET    /api/v1/breaches/{id}                                admin dpo auditor
      PATCH  /api/v1/breaches/{id}                                admin dpo
      POST   /api/v1/breaches/{id}/status                         admin dpo
      POST   /api/v1/breaches/{id}/affected/count                 admin dpo
      POST   /api/v1/breaches/{id}/affected                       admin dpo
      POST   /api/v1/breaches/{id}/decision                       admin dpo
      POST   /api/v1/breaches/{id}/notifications                  admin dpo
      POST   /api/v1/breaches/{id}/letters                        admin dpo
      GET    /api/v1/breaches/{id}/drafts/{kind}                  admin dpo auditor
      GET    /api/v1/breaches/{id}/export                         admin dpo auditor
      GET    /console/breaches                                    admin dpo auditor
      POST   /console/breaches                                    admin dpo
      GET    /console/breaches/{id}                               admin dpo auditor
      POST   /console/breaches/{id}/change                        admin dpo
      POST   /console/breaches/{id}/status                        admin dpo
      POST   /console/breaches/{id}/count                         admin dpo
      POST   /console/breaches/{id}/affected                      admin dpo
      POST   /console/breaches/{id}/decision                      admin dpo
      POST   /console/breaches/{id}/notified                      admin dpo
      POST   /console/breaches/{id}/letters                       admin dpo
      GET    /console/breaches/{id}/drafts/{kind}                 admin dpo auditor
      GET    /console/breaches/{id}/export.pdf                    admin dpo auditor
      GET    /console/breaches/{id}/export.json                   admin dpo auditor
      GET    /api/v1/retention/rules                              admin dpo auditor
      GET    /api/v1/retention/holds                              admin dpo auditor
      POST   /api/v1/retention/holds                              admin dpo
      POST   /api/v1/retention/holds/{id}/release                 admin dpo
      GET    /api/v1/retention/runs                               admin dpo auditor
      GET    /api/v1/retention/runs/{id}/certificate              admin dpo auditor
      POST   /api/v1/retention/certificates/verify                admin dpo auditor
      GET    /console/retention                                   admin dpo auditor
      GET    /console/retention/holds                             admin dpo auditor
      POST   /console/retention/holds                             admin dpo
      POST   /console/retention/holds/{id}/release                admin dpo
      GET    /console/retention/runs                              admin dpo auditor
      POST   /console/retention/runs                              admin dpo
      POST   /console/retention/runs/verify                       admin dpo auditor
      GET    /console/retention/runs/{id}/certificate             admin dpo auditor
      POST   /api/v1/marketing/messages                           admin integration
      GET    /api/v1/marketing/suppression                        admin dpo integration
      POST   /unsubscribe/{token}                                 public
      GET    /unsubscribe/{token}                                 public
      POST   /unsubscribe/{token}/confirm                         public
      GET    /unsubscribe/{token}/done                            public
      GET    /console/suppression                                 admin dpo
      GET    /console/suppression/export.csv                      admin dpo
      POST   /preferences/subscriptions                           public
      GET    /m/open/{token}                                      public
      GET    /m/click/{token}                                     public
      POST   /api/v1/consents/{consentId}/parental-consent        admin dpo integration
      GET    /consent/confirm                                     public
      POST   /consent/confirm                                     public
      GET    /console/consent                                     admin dpo agent
      GET    /console/consent/receipts/{id}                       admin dpo agent
      POST   /api/v1/decisions/filter                             admin dpo integration
      GET    /console/decisions/filter                            admin dpo
      POST   /console/decisions/filter                            admin dpo
      GET    /                                                    public
      GET    /request                                             public
      GET    /request/details                                     public
      POST   /request                                             public
      GET    /request/sent                                        public
      GET    /verify                                              public
      POST   /verify                                              public
      POST   /verify/resend                                       public
      GET    /verify/documents                                    public
      POST   /verify/documents                                    public
      GET    /verify/data-points                                  public
      POST   /verify/data-points                                  public
      GET    /verify/done                                         public
      GET    /status                                              public
      POST   /status                                              public
      GET    /status/code                                         public
      POST   /status/code                                         public
      GET    /status/requests                                     public
      POST   /status/sign-out                                     public
      GET    /content-removal                                     public
      POST   /content-removal                                     public
      GET    /content-removal/sent                                public
      GET    /download/{id}                                       public
      GET    /do-not-sell                                         public
      POST   /do-not-sell                                         public
      GET    /preferences                                         public
      POST   /preferences/withdraw                                public
      GET    /preferences/receipts/{id}                           public
      GET    /console/sign-in                                     public
      POST   /console/sign-in                                     public
      GET    /console/password                                    admin dpo analyst agent auditor
      POST   /console/password                                    admin dpo analyst agent auditor
      POST   /console/sign-out                                    admin dpo analyst agent auditor
      GET    /console                                             admin dpo analyst agent auditor
      GET    /console/requests                                    admin dpo analyst agent
      GET    /console/requests/{id}                               admin dpo analyst agent
      POST   /console/requests/{id}/assign                        admin dpo
      POST   /console/requests/{id}/verify                        admin dpo agent
      POST   /console/requests/{id}/start                         admin dpo agent
      POST   /console/requests/{id}/extend                        admin dpo agent
      POST   /console/requests/{id}/instructions                  admin dpo agent
      POST   /console/requests/{id}/pause                         admin dpo agent
      POST   /console/requests/{id}/resume                        admin dpo agent
      POST   /console/requests/{id}/fee                           admin dpo agent
      POST   /console/requests/{id}/complete                      admin dpo agent
      POST   /console/requests/{id}/deny                          admin dpo agent
      POST   /console/requests/{id}/withdraw                      admin dpo agent
      POST   /console/requests/{id}/preview/{step}                admin dpo agent
      GET    /console/requests/{id}/documents/{documentId}        admin dpo analyst agent
      POST   /console/requests/{id}/documents/{documentId}/review admin dpo agent
      GET    /console/subjects                                    admin dpo agent
      POST   /console/subjects                                    admin dpo agent
      GET    /console/policy                                      admin dpo analyst agent auditor
      GET    /console/policy/registers/{kind}                     admin dpo analyst auditor
      POST   /console/policy/check                                admin dpo
      POST   /console/policy/publish                              admin dpo
      GET    /console/campaigns                                   admin dpo analyst agent auditor
      POST   /console/campaigns                                   admin dpo
      GET    /console/admin                                       admin
      POST   /console/admin/users                                 admin
      POST   /console/admin/users/{id}/disable                    admin
      POST   /console/admin/tokens                                admin
      POST   /console/admin/tokens/{id}/revoke                    admin
      POST   /console/admin/clients                               admin
      POST   /console/admin/clients/{id}/disable                  admin
      GET    /console/audit                                       admin dpo auditor
      POST   /console/audit/verify                                admin dpo auditor
      """;

  private static TestNodes.Running node;
  private static final Map<ClientKind, String> CLIENT_TOKENS = new EnumMap<>(ClientKind.class);

  /** One row of the matrix. */
  private record Row(
      String method,
      String path,
      boolean isPublic,
      boolean subject,
      Set<Role> roles,
      Set<ClientKind> clients) {
    String key() {
      return method + " " + path;
    }
  }

  @BeforeAll
  static void start() {
    node = TestNodes.start(TestNodes.config(Engine.H2, TestNodes.http()));
    String admin = node.adminToken("users:manage", "clients:manage", "tokens:manage");
    for (Role role : Role.values()) {
      String username = "matrix-" + role.id();
      HttpResponse<String> added =
          node.json(
              "POST",
              "/api/v1/users",
              admin,
              "{\"username\":\"%s\",\"role\":\"%s\",\"password\":\"%s\"}"
                  .formatted(username, role.id(), PASSWORD));
      assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
    }
    for (ClientKind kind : ClientKind.values()) {
      HttpResponse<String> client =
          node.json(
              "POST",
              "/api/v1/clients",
              admin,
              "{\"name\":\"matrix %s\",\"kind\":\"%s\"}".formatted(kind.id(), kind.id()));
      assertThat(client.statusCode()).as(client.body()).isEqualTo(201);
      String scopes =
          kind.allowed().stream()
              .map(p -> "\"" + p.scope() + "\"")
              .collect(java.util.stream.Collectors.joining(","));
      HttpResponse<String> token =
          node.json(
              "POST",
              "/api/v1/tokens",
              admin,
              "{\"name\":\"matrix %s\",\"scopes\":[%s],\"expiresInDays\":1,\"clientId\":\"%s\"}"
                  .formatted(kind.id(), scopes, field(client, "id")));
      CLIENT_TOKENS.put(kind, field(token, "secret"));
    }
  }

  @AfterAll
  static void stop() {
    node.close();
  }

  /** A fresh API session of {@code role}: a sign-out route ends the one it is called with. */
  private static String apiSession(Role role) {
    HttpResponse<String> signedIn =
        node.json(
            "POST",
            "/api/v1/auth/sign-in",
            null,
            "{\"username\":\"matrix-%s\",\"password\":\"%s\"}".formatted(role.id(), PASSWORD));
    return field(signedIn, "token");
  }

  private static PageClient console(Role role) {
    PageClient browser = new PageClient(node);
    browser.get("/console/sign-in");
    HttpResponse<String> signedIn =
        browser.post("/console/sign-in", "username", "matrix-" + role.id(), "password", PASSWORD);
    assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(303);
    return browser;
  }

  private static String field(HttpResponse<String> response, String name) {
    try {
      JsonNode tree = Json.mapper().readTree(response.body());
      return tree.get(name).asText();
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException(response.statusCode() + " " + response.body(), e);
    }
  }

  static Map<String, Row> matrix() {
    Map<String, Row> rows = new LinkedHashMap<>();
    for (String line : MATRIX.strip().split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      String[] words = line.trim().split("\\s+");
      Set<Role> roles = EnumSet.noneOf(Role.class);
      Set<ClientKind> clients = EnumSet.noneOf(ClientKind.class);
      boolean isPublic = false;
      boolean subject = false;
      for (int i = 2; i < words.length; i++) {
        switch (words[i]) {
          case "public" -> isPublic = true;
          case "subject" -> subject = true;
          default -> {
            Optional<Role> role = Role.fromId(words[i]);
            Optional<ClientKind> client = ClientKind.fromId(words[i]);
            if (role.isEmpty() && client.isEmpty()) {
              throw new IllegalStateException("neither a role nor a client kind: " + line);
            }
            role.ifPresent(roles::add);
            client.ifPresent(clients::add);
          }
        }
      }
      Row row = new Row(words[0], words[1], isPublic, subject, roles, clients);
      assertThat(rows.put(row.key(), row)).as("row listed twice: " + line).isNull();
    }
    return rows;
  }

  /** Every route of the registry, API and pages, with its declared access. */
  private static Map<String, Access> registry() {
    Map<String, Access> routes = new LinkedHashMap<>();
    for (ApiRoute route : node.node().routes().routes()) {
      routes.put(route.method().name() + " " + route.path(), route.access());
    }
    for (PageRoute page : node.node().routes().pages()) {
      routes.put(page.method().name() + " " + page.path(), page.access());
    }
    return routes;
  }

  @Test
  void everyRoute_hasARow_andEveryRowIsARoute() {
    Map<String, Row> rows = matrix();
    Set<String> routes = registry().keySet();
    Set<String> missing = new TreeSet<>(routes);
    missing.removeAll(rows.keySet());
    Set<String> stale = new TreeSet<>(rows.keySet());
    stale.removeAll(routes);
    assertThat(missing).as("routes without a decision in the matrix").isEmpty();
    assertThat(stale).as("rows for routes that no longer exist").isEmpty();
  }

  @Test
  void publicAndSubjectRows_matchWhatTheRoutesDeclare() {
    Map<String, Access> routes = registry();
    List<String> wrong = new ArrayList<>();
    matrix()
        .values()
        .forEach(
            row -> {
              Access access = routes.get(row.key());
              if (access == null) {
                return;
              }
              if (row.isPublic() != access.isPublic()
                  || row.subject() != access.isSubjectSession()) {
                wrong.add(row.key());
              }
            });
    assertThat(wrong).as("rows whose public/subject marking differs from the route").isEmpty();
  }

  @Test
  void auditorsAndAnalysts_changeNothingButTheirOwnCredentials() {
    Set<String> ownCredentials =
        Set.of(
            "POST /api/v1/auth/sign-out",
            "POST /api/v1/auth/password",
            "POST /api/v1/tokens",
            "DELETE /api/v1/tokens/{id}",
            // Re-checking the chain or a certificate reads it; it changes nothing.
            "POST /api/v1/audit/verify",
            "POST /api/v1/retention/certificates/verify",
            "POST /console/retention/runs/verify",
            "POST /console/sign-out",
            "POST /console/password",
            "POST /console/audit/verify");
    List<String> writes = new ArrayList<>();
    for (Row row : matrix().values()) {
      boolean reads = row.method().equals("GET");
      if (!reads
          && !ownCredentials.contains(row.key())
          && (row.roles().contains(Role.AUDITOR) || row.roles().contains(Role.ANALYST))) {
        writes.add(row.key());
      }
    }
    assertThat(writes).as("routes that let an auditor or analyst change something").isEmpty();
  }

  @Test
  void everyRole_overEveryStaffRoute_isAllowedOrRefusedAsTheMatrixSays() {
    Map<String, Access> routes = registry();
    Set<String> pages = new TreeSet<>();
    node.node().routes().pages().forEach(p -> pages.add(p.method().name() + " " + p.path()));
    List<String> wrong = new ArrayList<>();
    for (Role role : Role.values()) {
      String token = apiSession(role);
      PageClient browser = console(role);
      List<Row> rows = new ArrayList<>(matrix().values());
      // Sign-outs last: each ends the session the later calls use.
      rows.sort((a, b) -> Boolean.compare(signsOut(a), signsOut(b)));
      for (Row row : rows) {
        Access access = routes.get(row.key());
        if (access == null || access.isPublic() || access.isSubjectSession()) {
          continue;
        }
        String path = PARAMETER.matcher(row.path()).replaceAll(UUID.randomUUID().toString());
        boolean expected = row.roles().contains(role);
        boolean allowed;
        int status;
        if (pages.contains(row.key())) {
          HttpResponse<String> answer =
              row.method().equals("GET") ? browser.get(path) : browser.post(path);
          status = answer.statusCode();
          allowed = status != 403 && !signInRedirect(answer);
        } else {
          HttpResponse<String> answer =
              node.json(row.method(), path, token, row.method().equals("GET") ? "" : "{}");
          status = answer.statusCode();
          allowed = status != 403 && status != 401;
        }
        if (allowed != expected) {
          wrong.add(
              "%s as %s: %s (expected %s)"
                  .formatted(row.key(), role.id(), status, expected ? "allowed" : "refused"));
        }
      }
    }
    assertThat(wrong).as("routes whose access differs from the matrix").isEmpty();
  }

  @Test
  void everyClientKind_overEveryApiRoute_isAllowedOrRefusedAsTheMatrixSays() {
    Map<String, Access> routes = registry();
    List<String> wrong = new ArrayList<>();
    List<Row> rows = new ArrayList<>(matrix().values());
    rows.sort((a, b) -> Boolean.compare(signsOut(a), signsOut(b)));
    for (ClientKind kind : ClientKind.values()) {
      for (Row row : rows) {
        Access access = routes.get(row.key());
        if (access == null
            || access.isPublic()
            || access.isSubjectSession()
            || !row.path().startsWith("/api/")
                && !row.path().startsWith("/opendsr/")
                && !row.path().equals("/metrics")) {
          continue;
        }
        String path = PARAMETER.matcher(row.path()).replaceAll(UUID.randomUUID().toString());
        HttpResponse<String> answer =
            node.json(
                row.method(),
                path,
                CLIENT_TOKENS.get(kind),
                row.method().equals("GET") ? "" : "{}");
        boolean allowed = answer.statusCode() != 403 && answer.statusCode() != 401;
        if (allowed != row.clients().contains(kind)) {
          wrong.add(
              "%s as %s: %s (expected %s)"
                  .formatted(
                      row.key(),
                      kind.id(),
                      answer.statusCode(),
                      row.clients().contains(kind) ? "allowed" : "refused"));
        }
      }
    }
    assertThat(wrong)
        .as("routes whose access for client accounts differs from the matrix")
        .isEmpty();
  }

  private static boolean signsOut(Row row) {
    return row.path().endsWith("/sign-out");
  }

  private static boolean signInRedirect(HttpResponse<String> answer) {
    return answer.statusCode() == 303
        && answer
            .headers()
            .firstValue("Location")
            .map(l -> l.toLowerCase(Locale.ROOT).endsWith("/console/sign-in"))
            .orElse(false);
  }
}
