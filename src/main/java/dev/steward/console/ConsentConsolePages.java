package dev.steward.console;

import dev.steward.consent.ConsentCounts;
import dev.steward.consent.ConsentLedger;
import dev.steward.error.NotFoundException;
import dev.steward.principal.Permission;
import dev.steward.web.Access;
import dev.steward.web.PageCall;
import dev.steward.web.PageRoute;
import dev.steward.web.RouteRegistry;
import java.time.Clock;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The console's consent page: per purpose, how many consents are given, withdrawn, pending
 * confirmation, refused and expired now; and the size of the suppression list, once the node keeps
 * one. Also the staff download of one event's signed receipt, linked from a person's consent
 * history on the subject page. Staff with {@code subject:read}.
 */
public final class ConsentConsolePages {
  static final String PATH = "/console/consent";
  private static final Access READ = Access.requires(Permission.SUBJECT_READ);

  private final ConsentCounts counts;
  private final ConsentLedger ledger;
  private final Supplier<OptionalLong> suppressed;
  private final Clock clock;

  /**
   * @param suppressed the number of entries of the suppression list; empty while the node keeps
   *     none (the suppression list is its own feature: pass its count here when it lands)
   */
  public ConsentConsolePages(
      ConsentCounts counts, ConsentLedger ledger, Supplier<OptionalLong> suppressed, Clock clock) {
    this.counts = counts;
    this.ledger = ledger;
    this.suppressed = suppressed;
    this.clock = clock;
  }

  public void addTo(RouteRegistry registry) {
    registry.addPage(PageRoute.get(PATH, READ, this::show));
    registry.addPage(PageRoute.get(PATH + "/receipts/{id}", READ, this::receipt));
  }

  private void show(PageCall page) {
    OptionalLong suppression = suppressed.get();
    page.render(
        "console/consent.jte",
        new ConsentView(
            ConsoleNav.of(page.caller(), "consent"),
            counts.perPurpose(clock.instant()),
            suppression.isPresent() ? suppression.getAsLong() : null));
  }

  private void receipt(PageCall page) {
    UUID id;
    try {
      id = UUID.fromString(page.ctx().pathParam("id"));
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("no consent event");
    }
    String receipt = ledger.receipt(page.caller(), id);
    page.ctx()
        .header("Content-Disposition", "attachment; filename=\"consent-receipt-" + id + ".json\"")
        .contentType("application/json")
        .result(receipt);
  }

  /**
   * @param suppressed entries of the suppression list, or null while there is none
   */
  public record ConsentView(
      ConsoleNav nav, List<ConsentCounts.PurposeCount> purposes, Long suppressed) {}
}
