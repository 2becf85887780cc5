package dev.steward.web;

import dev.steward.principal.Permission;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** Health, metrics and the API description: the routes every node serves about itself. */
public final class SystemRoutes {
  private final BooleanSupplier databaseReady;
  private final PrometheusMeterRegistry meters;
  private final String version;

  public SystemRoutes(
      BooleanSupplier databaseReady, PrometheusMeterRegistry meters, String version) {
    this.databaseReady = databaseReady;
    this.meters = meters;
    this.version = version;
  }

  /** Liveness and database readiness; 503 when the store does not answer. */
  public record Health(String status, String database, String version) {}

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
}
