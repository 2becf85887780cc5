package dev.steward.request;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The safety net for 11 CCR §7021(a): every open request with a receipt-confirmation deadline that
 * has not been confirmed yet (logged by staff without an acknowledgement, say) gets its
 * acknowledgement now, well before the deadline. Run on a schedule; once across nodes.
 */
final class ReceiptConfirmations {
  private final RequestContext context;
  private final Intake intake;

  ReceiptConfirmations(RequestContext context, Intake intake) {
    this.context = context;
    this.intake = intake;
  }

  /** Sends the confirmations that are due; returns how many were sent. */
  int run() {
    Instant now = context.clock.instant();
    List<UUID> unconfirmed =
        context.jdbi.withHandle(
            handle ->
                handle
                    .createQuery(
                        "select id from rights_request where confirmed_at is null"
                            + " and confirm_by is not null and has_email"
                            + " and state not in ('completed', 'denied', 'withdrawn')"
                            + " and logged_at <= :now order by confirm_by")
                    .bind("now", now)
                    .mapTo(UUID.class)
                    .list());
    int sent = 0;
    for (UUID id : unconfirmed) {
      boolean confirmed =
          context.jdbi.inTransaction(
              handle -> {
                RequestRow row = RequestRows.lock(handle, id);
                return row.progress().confirmedAt() == null
                    && intake.acknowledge(handle, row).progress().confirmedAt() != null;
              });
      sent += confirmed ? 1 : 0;
    }
    return sent;
  }
}
