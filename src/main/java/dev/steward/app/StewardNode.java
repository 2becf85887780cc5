package dev.steward.app;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import dev.steward.access.Authenticator;
import dev.steward.access.Principal;
import dev.steward.config.StewardConfig;
import dev.steward.error.UnauthenticatedException;
import dev.steward.store.Database;
import dev.steward.web.HttpServer;
import dev.steward.web.RouteRegistry;
import dev.steward.web.SystemRoutes;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running Steward node: the whole object graph, wired by hand in the order of its dependencies
 * (store, keys, audit, services, routes, HTTP). Several nodes may share one PostgreSQL database;
 * everything they must agree on lives there, and jobs run through db-scheduler so each runs once
 * across nodes.
 */
public final class StewardNode implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(StewardNode.class);

  private final Database database;
  private final Scheduler scheduler;
  private final HttpServer http;
  private final RouteRegistry routes;

  private StewardNode(
      Database database, Scheduler scheduler, HttpServer http, RouteRegistry routes) {
    this.database = database;
    this.scheduler = scheduler;
    this.http = http;
    this.routes = routes;
  }

  /**
   * Opens the store, prepares keys and the first admin, and starts serving. The first admin's
   * one-time password goes to {@code console} only, never to a log.
   */
  public static StewardNode start(StewardConfig config, Clock clock, PrintStream console) {
    Database database = Database.open(config.store());
    try {
      PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
      RouteRegistry routes = new RouteRegistry();
      new SystemRoutes(database::isReady, meters, Version.current()).addTo(routes);

      List<Task<?>> tasks = new ArrayList<>();
      Scheduler scheduler =
          Scheduler.create(database.dataSource(), tasks)
              .threads(2)
              .alwaysPersistTimestampInUTC()
              .pollingInterval(java.time.Duration.ofSeconds(5))
              .build();

      Authenticator authenticator = StewardNode::noCredentialsYet;
      HttpServer http = new HttpServer(config.http(), routes, authenticator, meters, clock);
      http.start();
      scheduler.start();
      log.info("Steward {} serving on port {}", Version.current(), http.port());
      console.flush();
      return new StewardNode(database, scheduler, http, routes);
    } catch (RuntimeException e) {
      database.close();
      throw e;
    }
  }

  private static Principal noCredentialsYet(String authorization) {
    if (authorization == null) {
      return new Principal.Anonymous();
    }
    throw new UnauthenticatedException("the credential is not valid");
  }

  public int port() {
    return http.port();
  }

  public Database database() {
    return database;
  }

  public HttpServer http() {
    return http;
  }

  /** Every route this node serves, as declared. */
  public RouteRegistry routes() {
    return routes;
  }

  @Override
  public void close() {
    http.stop();
    scheduler.stop();
    database.close();
  }
}
