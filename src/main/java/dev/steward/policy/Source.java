package dev.steward.policy;

import java.util.List;

/** Where personal data comes from, and which categories come from there. */
public record Source(String id, String name, Kind kind, List<String> categories) {
  public Source {
    categories = List.copyOf(categories);
  }

  /** GDPR Art. 14: data not obtained from the person starts the one-month notice clock. */
  public boolean startsNoticeClock() {
    return kind == Kind.INDIRECT;
  }

  public enum Kind {
    DIRECT,
    INDIRECT
  }
}
