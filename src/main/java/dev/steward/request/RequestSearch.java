package dev.steward.request;

import dev.steward.error.InvalidInputException;
import dev.steward.error.InvalidInputException.FieldProblem;
import dev.steward.policy.RequestType;
import dev.steward.principal.Principal;
import dev.steward.store.Database;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * Read-only views of the requests for the console: the queue with filters, and the dashboard's
 * counts. Ids, codes and dates only, never personal data, so nothing is decrypted and nothing is
 * audited; every view is limited to the caller's caseload ({@link Caseload}). Thread-safe.
 */
public final class RequestSearch {
  private static final int LIMIT = 500;

  private final Jdbi jdbi;
  private final RequestQueue queue;
  private final Clock clock;

  public RequestSearch(Database database, Clock clock) {
    this.jdbi = database.jdbi();
    this.queue = new RequestQueue(database, clock);
    this.clock = clock;
  }

  /**
   * What the queue is filtered by; each blank value means "any".
   *
   * @param due {@code overdue}, or a period such as {@code 7d} within which the request falls due
   * @param assignee a staff user's id, or {@code none} for requests nobody was given
   */
  public record Filter(
      String type, String state, String jurisdiction, String due, String assignee) {
    public static Filter none() {
      return new Filter("", "", "", "", "");
    }
  }

  /** The request types and states a filter may name, as the API writes them. */
  public static List<String> types() {
    return Arrays.stream(RequestType.values()).map(TypeNames::id).toList();
  }

  public static List<String> states() {
    return Arrays.stream(RequestState.values()).map(RequestState::id).toList();
  }

  /**
   * The requests in the caller's caseload that match {@code filter}: the due views as the API's
   * queue gives them, otherwise open and closed alike, earliest due first, closed ones last.
   *
   * @throws InvalidInputException when a filter value names nothing that exists
   */
  public List<RequestSummary> find(Principal caller, Filter filter) {
    List<FieldProblem> problems = new ArrayList<>();
    if (!blank(filter.type()) && !types().contains(filter.type())) {
      problems.add(new FieldProblem("type", "not a request type"));
    }
    if (!blank(filter.state()) && !states().contains(filter.state())) {
      problems.add(new FieldProblem("state", "not a request state"));
    }
    UUID assignee = null;
    if (!blank(filter.assignee()) && !"none".equals(filter.assignee())) {
      try {
        assignee = UUID.fromString(filter.assignee());
      } catch (IllegalArgumentException e) {
        problems.add(new FieldProblem("assignee", "not a staff user's id"));
      }
    }
    Duration within = null;
    if (!blank(filter.due()) && !"overdue".equals(filter.due())) {
      try {
        within = RequestApi.period(filter.due());
      } catch (InvalidInputException e) {
        problems.add(new FieldProblem("due", "overdue, or a period such as 7d"));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException("the queue's filter is not valid", problems);
    }
    List<RequestSummary> base;
    if ("overdue".equals(filter.due())) {
      base = queue.overdue(caller);
    } else if (within != null) {
      base = queue.dueWithin(caller, within);
    } else {
      base = all(caller);
    }
    UUID wanted = assignee;
    List<String> jurisdictionOf =
        blank(filter.jurisdiction()) ? List.of() : requestsUnder(filter.jurisdiction());
    return base.stream()
        .filter(r -> blank(filter.type()) || r.type().equals(filter.type()))
        .filter(r -> blank(filter.state()) || r.state().equals(filter.state()))
        .filter(
            r ->
                blank(filter.assignee())
                    || ("none".equals(filter.assignee())
                        ? r.assignee() == null
                        : wanted.equals(r.assignee())))
        .filter(r -> blank(filter.jurisdiction()) || jurisdictionOf.contains(r.id().toString()))
        .limit(LIMIT)
        .toList();
  }

  /** Open requests falling due within {@code within}, as the API's queue lists them. */
  public List<RequestSummary> dueWithin(Principal caller, Duration within) {
    return queue.dueWithin(caller, within);
  }

  /** Open requests whose due date has passed, most overdue first. */
  public List<RequestSummary> overdue(Principal caller) {
    return queue.overdue(caller);
  }

  /** The jurisdictions with a clock on some request, for the filter's choices. */
  public List<String> jurisdictions() {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    "select distinct jurisdiction_id from request_clock order by jurisdiction_id")
                .mapTo(String.class)
                .list());
  }

  /**
   * The dashboard's counts over the caller's caseload.
   *
   * @param weeks how many weeks, ending with the current one (weeks start on Monday, UTC)
   */
  public Overview overview(Principal caller, int weeks) {
    Instant now = clock.instant();
    LocalDate thisWeek =
        LocalDate.ofInstant(now, ZoneOffset.UTC)
            .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    LocalDate first = thisWeek.minusWeeks(weeks - 1L);
    Instant from = first.atStartOfDay(ZoneOffset.UTC).toInstant();
    Map<String, Integer> byState = new TreeMap<>();
    Map<String, Integer> byType = new TreeMap<>();
    List<Week> series = new ArrayList<>();
    for (int i = 0; i < weeks; i++) {
      series.add(new Week(first.plusWeeks(i), new TreeMap<>(), 0, 0));
    }
    jdbi.useHandle(
        handle ->
            handle
                .createQuery(
                    "select request_type, state, received_at, due_at, closed_at from"
                        + " rights_request where (state not in ('completed', 'denied',"
                        + " 'withdrawn') or received_at >= :from or closed_at >= :from)"
                        + Caseload.filter(caller))
                .bind("from", from)
                .map(
                    (rs, ctx) ->
                        new Counted(
                            TypeNames.id(RequestType.valueOf(rs.getString("request_type"))),
                            rs.getString("state"),
                            instant(rs.getObject("received_at", OffsetDateTime.class)),
                            instant(rs.getObject("due_at", OffsetDateTime.class)),
                            instant(rs.getObject("closed_at", OffsetDateTime.class))))
                .forEach(
                    row -> {
                      if (RequestState.of(row.state()).isOpen()) {
                        byState.merge(row.state(), 1, Integer::sum);
                        byType.merge(row.type(), 1, Integer::sum);
                      }
                      int received = weekIndex(first, row.receivedAt());
                      if (received >= 0 && received < weeks) {
                        series.get(received).received().merge(row.type(), 1, Integer::sum);
                      }
                      if (RequestState.COMPLETED.id().equals(row.state())
                          && row.closedAt() != null) {
                        int closed = weekIndex(first, row.closedAt());
                        if (closed >= 0 && closed < weeks) {
                          Week week = series.get(closed);
                          boolean late = row.dueAt() != null && row.closedAt().isAfter(row.dueAt());
                          series.set(
                              closed,
                              new Week(
                                  week.start(),
                                  week.received(),
                                  week.onTime() + (late ? 0 : 1),
                                  week.late() + (late ? 1 : 0)));
                        }
                      }
                    }));
    return new Overview(byState, byType, series);
  }

  /**
   * @param byState open requests per state
   * @param byType open requests per type
   * @param weeks oldest first
   */
  public record Overview(
      Map<String, Integer> byState, Map<String, Integer> byType, List<Week> weeks) {
    public int open() {
      return byState.values().stream().mapToInt(Integer::intValue).sum();
    }
  }

  /**
   * One week of the dashboard's chart.
   *
   * @param received requests received that week, per type
   * @param onTime requests completed that week by their due date
   * @param late requests completed that week after it
   */
  public record Week(LocalDate start, Map<String, Integer> received, int onTime, int late) {
    public int receivedTotal() {
      return received.values().stream().mapToInt(Integer::intValue).sum();
    }
  }

  private record Counted(
      String type, String state, Instant receivedAt, Instant dueAt, Instant closedAt) {}

  private List<RequestSummary> all(Principal caller) {
    Instant now = clock.instant();
    String sql =
        "select * from rights_request where 1 = 1"
            + Caseload.filter(caller)
            + " order by case when state in ('completed', 'denied', 'withdrawn') then 1 else 0"
            + " end, due_at nulls last, received_at desc limit "
            + LIMIT;
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(sql)
                .map(RequestRows::map)
                .map(row -> RequestSummary.of(row, now))
                .list());
  }

  private List<String> requestsUnder(String jurisdiction) {
    return jdbi.withHandle(
        handle ->
            handle
                .createQuery(
                    "select cast(request_id as varchar) from request_clock where jurisdiction_id"
                        + " = :j")
                .bind("j", jurisdiction)
                .mapTo(String.class)
                .list());
  }

  private static int weekIndex(LocalDate first, Instant at) {
    if (at == null) {
      return -1;
    }
    LocalDate day = LocalDate.ofInstant(at, ZoneOffset.UTC);
    if (day.isBefore(first)) {
      return -1;
    }
    return (int) (java.time.temporal.ChronoUnit.DAYS.between(first, day) / 7);
  }

  private static Instant instant(OffsetDateTime at) {
    return at == null ? null : at.toInstant();
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
