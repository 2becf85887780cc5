package dev.steward.web;

import dev.steward.principal.Permission;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** Health, metrics and the API description: the routes every node serves about itself. */
public final class SystemRoutes {
  private final BooleanSupplier databaseReady;
  private final BooleanSupplier keyringReady;
  private final BooleanSupplier policyReady;
  private final PrometheusMeterRegistry meters;
  private final String version;

  /**
   * @param databaseReady whether the store answers
   * @param keyringReady whether the keyring's database answers
   * @param policyReady whether a policy is in force
   */
  public SystemRoutes(
      BooleanSupplier databaseReady,
      BooleanSupplier keyringReady,
      BooleanSupplier policyReady,
      PrometheusMeterRegistry meters,
      String version) {
    this.databaseReady = databaseReady;
    this.keyringReady = keyringReady;
    this.policyReady = policyReady;
    this.meters = meters;
    this.version = version;
  }

  /** A node whose keyring and policy are taken as ready (API tests without them). */
  public SystemRoutes(
      BooleanSupplier databaseReady, PrometheusMeterRegistry meters, String version) {
    this(databaseReady, () -> true, () -> true, meters, version);
  }

  /** Liveness and database readiness; 503 when the store does not answer. */
  public record Health(String status, String database, String version) {}

  /** Readiness: each part up or down; the node takes calls only when all are up. */
  public record Readiness(String status, String store, String keyring, String policy) {}

  public void addTo(RouteRegistry registry) {
    registry.add(
        ApiRoute.get("/health")
            .access(Access.open(PublicKind.HEALTH_PROBE))
            .tag("system")
            .summary("Liveness and database readiness")
            .response(Health.class)
            .handle(
                (ctx, caller) -> {
                  boolean ready = databaseReady.getAsBoolean();
                  ctx.status(ready ? 200 : 503)
                      .json(new Health(ready ? "up" : "down", ready ? "up" : "down", version));
                }));
    registry.add(
        ApiRoute.get("/ready")
            .access(Access.open(PublicKind.HEALTH_PROBE))
            .tag("system")
            .summary(
                "Readiness: 200 when the store, the keyring and the policy are ready, else 503")
            .response(Readiness.class)
            .handle(
                (ctx, caller) -> {
                  boolean store = databaseReady.getAsBoolean();
                  boolean keyring = keyringReady.getAsBoolean();
                  boolean policy = policyReady.getAsBoolean();
                  boolean ready = store && keyring && policy;
                  ctx.status(ready ? 200 : 503)
                      .json(
                          new Readiness(
                              upOrDown(ready),
                              upOrDown(store),
                              upOrDown(keyring),
                              upOrDown(policy)));
                }));
    registry.add(
        ApiRoute.get("/metrics")
            .access(Access.requires(Permission.METRICS_READ))
            .tag("system")
            .summary("Prometheus metrics, with request counts and latencies per route")
            .produces("text/plain; version=0.0.4")
            .handle(
                (ctx, caller) ->
                    ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                        .result(meters.scrape())));
    registry.add(
        ApiRoute.get("/api/openapi.json")
            .access(Access.requires(Permission.API_DESCRIBE))
            .tag("system")
            .summary("This OpenAPI 3.1 document, built from the route registry")
            .handle(
                (ctx, caller) -> {
                  Map<String, Object> doc =
                      new LinkedHashMap<>(OpenApi.document(registry, version));
                  ctx.json(doc);
                }));
  }

  private static String upOrDown(boolean up) {
    return up ? "up" : "down";
  }
}
