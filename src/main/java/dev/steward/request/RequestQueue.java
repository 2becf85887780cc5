package dev.steward.request;

import dev.steward.principal.Principal;
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
  private static final String GAP =
      "exists (select 1 from request_clock c where c.request_id = rights_request.id"
          + " and c.uncounted is not null)";

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

  /**
   * Requests with a clock that could not be counted are listed in every due view, first: their
   * governing date is unknown and may be sooner than any other. A request whose clock a
   * clarification stopped is listed when it could fall due within the period were the answer to
   * arrive now: when its days left when resumed fit in it.
   */
  List<RequestSummary> dueWithin(Principal caller, Duration within) {
    Instant now = clock.instant();
    return list(
        caller,
        " and ((due_at >= :now and due_at <= :until) or "
            + GAP
            + " or (stopped_since is not null and days_left <= :days))",
        now,
        now.plus(within),
        within.toDays());
  }

  List<RequestSummary> overdue(Principal caller) {
    Instant now = clock.instant();
    return list(caller, " and due_at < :now", now, now, 0);
  }

  /** Every open request in the caller's caseload, earliest due first. */
  List<RequestSummary> open(Principal caller) {
    Instant now = clock.instant();
    return list(caller, "", now, now, 0);
  }

  /** Every request filed with this identity hash, open or closed, newest first. */
  List<RequestSummary> ofIdentity(String identityHash) {
    Instant now = clock.instant();
    return rowsOfIdentity(identityHash).stream().map(row -> RequestSummary.of(row, now)).toList();
  }

  /** The rows behind {@link #ofIdentity}, newest first. */
  List<RequestRow> rowsOfIdentity(String identityHash) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    "select r.* from rights_request r where r.id in (select request_id from"
                        + " request_identity where identity_hash = :hash)"
                        + " order by r.received_at desc limit "
                        + LIMIT)
                .bind("hash", identityHash)
                .map(RequestRows::map)
                .list());
  }

  private List<RequestSummary> list(
      Principal caller, String condition, Instant now, Instant until, long days) {
    String sql =
        "select rights_request.*, "
            + GAP
            + " as clock_gap from rights_request where "
            + OPEN
            + condition
            + Caseload.filter(caller)
            + " order by clock_gap desc, due_at nulls last, days_left, received_at limit "
            + LIMIT;
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(sql)
                .configure(SqlStatements.class, config -> config.setUnusedBindingAllowed(true))
                .bind("now", now)
                .bind("until", until)
                .bind("days", days)
                .map(
                    (rs, ctx) ->
                        RequestSummary.of(
                            RequestRows.map(rs, ctx), now, rs.getBoolean("clock_gap")))
                .list());
  }
}
