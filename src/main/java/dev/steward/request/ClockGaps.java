package dev.steward.request;

import dev.steward.principal.Principal;
import java.util.List;
import java.util.UUID;

/**
 * Counts again the clocks that could not be counted when their calendar lacked a year: once the
 * policy in force carries that year's dates (mainland China's are announced each autumn), each open
 * request with such a clock gets its due date, with an event and an audit entry.
 */
final class ClockGaps {
  private static final Principal SYSTEM = new Principal.System("clocks");

  private final RequestContext context;
  private final Workflow workflow;

  ClockGaps(RequestContext context, Workflow workflow) {
    this.context = context;
    this.workflow = workflow;
  }

  /** Recounts every open request with an uncounted clock; answers how many are now counted. */
  int recount() {
    List<UUID> ids =
        context.jdbi.withHandle(
            handle ->
                handle
                    .createQuery(
                        "select distinct c.request_id from request_clock c join rights_request r"
                            + " on r.id = c.request_id where c.uncounted is not null"
                            + " and r.state not in ('completed', 'denied', 'withdrawn')")
                    .mapTo(UUID.class)
                    .list());
    int counted = 0;
    for (UUID id : ids) {
      if (context.jdbi.inTransaction(handle -> recount(handle, RequestRows.lock(handle, id)))) {
        counted++;
      }
    }
    return counted;
  }

  private boolean recount(org.jdbi.v3.core.Handle handle, RequestRow row) {
    if (!row.state().isOpen()) {
      return false;
    }
    RequestRow clocked =
        workflow.reclock(
            handle, row, workflow.granted(handle, row), row.progress().extendedAt() != null);
    boolean complete = CaseRows.clocks(handle, row.id()).stream().noneMatch(ClockRow::isUncounted);
    if (complete) {
      workflow.note(handle, clocked, SYSTEM, "clocks_counted", null, null);
    }
    return complete;
  }
}
