package dev.steward.calendar;

import java.util.Objects;

/**
 * Something in a calendar's declaration that makes it unusable, found before anything is counted on
 * it: the policy check reports it at the place it names, and a node serving an older policy that
 * has one stops only the clocks counted on that calendar ({@link CalendarUnusableException}).
 *
 * @param part what the defect is in
 * @param index the position in {@code subdivisions}, the year for {@code YEARS} and {@code DATE},
 *     else 0
 * @param message what is wrong, naming what would be valid
 * @param hint how to fix it; may be empty
 */
public record CalendarDefect(Part part, int index, String message, String hint) {
  public CalendarDefect {
    Objects.requireNonNull(part, "part");
    Objects.requireNonNull(message, "message");
    hint = hint == null ? "" : hint;
  }

  /** The part of the declaration at fault. */
  public enum Part {
    /** A country jollyday has no data for, or none named. */
    COUNTRY,
    /** A region code jollyday does not know at its place in the path. */
    SUBDIVISION,
    /** A dated calendar without years, or a date filed under another year. */
    YEARS,
    /** A day listed both as a holiday and as a working day. */
    DATE
  }
}
