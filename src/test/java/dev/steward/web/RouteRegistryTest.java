package dev.steward.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.steward.app.TestNodes;
import dev.steward.principal.Permission;
import dev.steward.store.Engine;
import io.javalin.http.HandlerType;
import io.javalin.router.ParsedEndpoint;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RouteRegistryTest {
  private static TestNodes.Running running;

  @BeforeAll
  static void start() {
    running = TestNodes.start(TestNodes.config(Engine.H2, TestNodes.http()));
  }

  @AfterAll
  static void stop() {
    running.close();
  }

  @Test
  void everyServedRoute_isDeclaredInTheRegistryWithItsAccess() {
    List<ParsedEndpoint> served =
        running.node().http().javalin().unsafe.internalRouter.allHttpHandlers();
    Set<String> declared =
        running.node().routes().routes().stream()
            .flatMap(
                r ->
                    r.method() == HandlerType.GET
                        ? Stream.of("GET " + r.path(), "HEAD " + r.path())
                        : Stream.of(r.method() + " " + r.path()))
            .collect(Collectors.toCollection(java.util.HashSet::new));
    // Pages are declared in the same registry, and the static files under one route of their own.
    running
        .node()
        .routes()
        .pages()
        .forEach(
            p -> {
              declared.add(p.method() + " " + p.path());
              if (p.method() == HandlerType.GET) {
                declared.add("HEAD " + p.path());
              }
            });
    declared.add("GET " + StaticAssets.PREFIX + "{hash}/{name}");
    declared.add("HEAD " + StaticAssets.PREFIX + "{hash}/{name}");
    Set<String> actual =
        served.stream()
            .map(e -> e.endpoint.method + " " + e.endpoint.path)
            .filter(key -> !key.startsWith("BEFORE") && !key.startsWith("AFTER"))
            .collect(Collectors.toSet());
    assertThat(actual).isNotEmpty().isEqualTo(declared);
    assertThat(running.node().routes().routes())
        .allSatisfy(r -> assertThat(r.access()).isNotNull());
  }

  @Test
  void publicRoutes_areOnlyOfTheAllowedKinds() {
    assertThat(running.node().routes().routes())
        .filteredOn(r -> r.access().isPublic())
        .allSatisfy(r -> assertThat(r.access().publicKind()).isIn((Object[]) PublicKind.values()));
  }

  @Test
  @SuppressWarnings("unchecked")
  void openApiDocument_listsEveryRouteWithItsPermission() {
    Map<String, Object> doc = OpenApi.document(running.node().routes(), "test");
    assertThat(doc.get("openapi")).isEqualTo("3.1.0");
    Map<String, Map<String, Map<String, Object>>> paths =
        (Map<String, Map<String, Map<String, Object>>>) doc.get("paths");
    for (ApiRoute route : running.node().routes().routes()) {
      Map<String, Object> operation =
          paths.get(route.path()).get(route.method().name().toLowerCase(java.util.Locale.ROOT));
      assertThat(operation).as(route.method() + " " + route.path()).isNotNull();
      if (route.access().isPublic()) {
        assertThat(operation.get("security")).isEqualTo(List.of());
      } else if (route.access().isSubjectSession()) {
        assertThat(operation.get("x-steward-subject-session")).isEqualTo(true);
        assertThat(operation.get("security")).isEqualTo(List.of(Map.of("bearer", List.of())));
      } else {
        assertThat(operation.get("x-steward-permission"))
            .isEqualTo(route.access().permission().scope());
      }
    }
  }

  @Test
  void access_mustBeExactlyOneOfPublicSubjectSessionOrOnePermission() {
    assertThatThrownBy(() -> new Access(null, null, false))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Access(Permission.AUDIT_READ, PublicKind.NOTICE, false))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Access(Permission.AUDIT_READ, null, true))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Access(null, PublicKind.INTAKE, true))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Access.subject().isSubjectSession()).isTrue();
    assertThat(Access.subject().isPublic()).isFalse();
  }

  @Test
  void route_withoutAccess_cannotBeBuilt() {
    assertThatThrownBy(
            () -> ApiRoute.get("/x").summary("x").handle((ctx, caller) -> ctx.result("x")))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("access of GET /x");
  }

  @Test
  void sameRouteTwice_isRefused() {
    RouteRegistry registry = new RouteRegistry();
    ApiRoute route =
        ApiRoute.get("/x")
            .access(Access.requires(Permission.POLICY_READ))
            .summary("x")
            .handle((ctx, caller) -> ctx.result("x"));
    registry.add(route);
    assertThatThrownBy(() -> registry.add(route)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void originCheck_onARouteThatNeedsAToken_isRefused() {
    ApiRoute route =
        ApiRoute.post("/x")
            .access(Access.requires(Permission.POLICY_READ))
            .allowedOriginsOnly()
            .summary("x")
            .handle((ctx, caller) -> ctx.result("x"));
    assertThatThrownBy(() -> new RouteRegistry().add(route))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("POST /x");
  }

  @Test
  void refusingHead_onARouteThatIsNotAGet_isRefused() {
    ApiRoute route =
        ApiRoute.post("/x")
            .access(Access.requires(Permission.POLICY_READ))
            .refusesHead()
            .summary("x")
            .handle((ctx, caller) -> ctx.result("x"));
    assertThatThrownBy(() -> new RouteRegistry().add(route))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("POST /x");
  }

  @Test
  void scopes_areStableStrings() {
    assertThat(Permission.AUDIT_READ.scope()).isEqualTo("audit:read");
    assertThat(Permission.CONTENT_REMOVAL_SUBMIT.scope()).isEqualTo("content:removal-submit");
    assertThat(Permission.fromScope("subject:read")).contains(Permission.SUBJECT_READ);
  }
}
