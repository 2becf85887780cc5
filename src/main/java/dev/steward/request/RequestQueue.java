package dev.steward.request;

import dev.steward.access.Principal;
import dev.steward.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatements;

/**
 * The open requests by due date: those due within a period, and those overdue. Reads ids and dates
 * only, so it needs no keys; the CLI uses it on a bare store. Thread-safe.
 */
public final class RequestQueue {
  private static final String OPEN = "state not in ('completed', 'denied', 'withdrawn')";
  private static final int LIMIT = 1000;

  private final Jdbi jdbi;
  private final Clock clock;

  public RequestQueue(Database database, Clock clock) {
    this.jdbi = database.jdbi();
    this.clock = clock;
  }

  /** Open requests due from now until {@code within} from now, earliest first. */
  public List<RequestSummary> dueWithin(Duration within) {
    return dueWithin(new Principal.System("cli"), within);
  }

  /** Open requests whose due date has passed, most overdue first. */
  public List<RequestSummary> overdue() {
    return overdue(new Principal.System("cli"));
  }

  List<RequestSummary> dueWithin(Principal caller, Duration within) {
    Instant now = clock.instant();
    return list(caller, " and due_at >= :now and due_at <= :until", now, now.plus(within));
  }

  List<RequestSummary> overdue(Principal caller) {
    Instant now = clock.instant();
    return list(caller, " and due_at < :now", now, now);
  }

  /** Every open request in the caller's caseload, earliest due first. */
  List<RequestSummary> open(Principal caller) {
    Instant now = clock.instant();
    return list(caller, "", now, now);
  }

  private List<RequestSummary> list(
      Principal caller, String condition, Instant now, Instant until) {
    String sql =
        "select * from rights_request where "
            + OPEN
            + condition
            + Caseload.filter(caller)
            + " order by due_at, received_at limit "
            + LIMIT;
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(sql)
                .configure(SqlStatements.class, config -> config.setUnusedBindingAllowed(true))
                .bind("now", now)
                .bind("until", until)
                .map(RequestRows::map)
                .map(row -> RequestSummary.of(row, now))
                .list());
  }
}
