package dev.steward.calendar;

import dev.steward.error.InvalidInputException;
import dev.steward.error.InvalidInputException.FieldProblem;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * What starts and stops the UK month clock for one request.
 *
 * <p>The month runs afresh from the latest of the receipt of the request, of identity evidence
 * reasonably asked for, and of any fee (ICO guidance; UK GDPR Art. 12A). Clarification pauses stop
 * it while the controller waits for an answer it reasonably asked for; see {@link
 * LegalClock#ukClock}.
 *
 * @param request when the request was received; required
 * @param identity when the identity evidence asked for arrived, or null if none was asked for
 * @param fee when the fee was received, or null if none was charged
 * @param pauses clarification pauses in any order; null means none
 */
public record UkClockInputs(
    Instant request, Instant identity, Instant fee, List<ClarificationPause> pauses) {

  public UkClockInputs {
    Objects.requireNonNull(request, "request");
    pauses =
        pauses == null
            ? List.of()
            : pauses.stream().sorted(Comparator.comparing(ClarificationPause::askedAt)).toList();
  }

  /** Inputs without clarification pauses. */
  public UkClockInputs(Instant request, Instant identity, Instant fee) {
    this(request, identity, fee, List.of());
  }

  /** The instant from which the month runs: the latest of request, identity and fee. */
  public Instant clockStart() {
    return Stream.of(request, identity, fee)
        .filter(Objects::nonNull)
        .max(Comparator.naturalOrder())
        .orElseThrow();
  }

  /**
   * The controller asked the subject to clarify the request at {@code askedAt}; the answer arrived
   * at {@code answeredAt}, or has not arrived yet when it is null.
   */
  public record ClarificationPause(Instant askedAt, Instant answeredAt) {
    public ClarificationPause {
      Objects.requireNonNull(askedAt, "askedAt");
      if (answeredAt != null && answeredAt.isBefore(askedAt)) {
        throw new InvalidInputException(
            "a clarification cannot be answered ("
                + answeredAt
                + ") before it was asked for ("
                + askedAt
                + ")",
            List.of(new FieldProblem("answeredAt", "is before askedAt")));
      }
    }

    public boolean isOpen() {
      return answeredAt == null;
    }
  }
}
