package dev.steward.request;

import dev.steward.error.InvalidInputException;
import dev.steward.error.InvalidInputException.FieldProblem;
import java.util.List;
import java.util.Locale;

/** What an uploaded document is meant to prove. */
enum DocumentKind {
  IDENTITY,
  ADDRESS,
  PARENTAL,
  AGENT_PERMISSION;

  String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  static DocumentKind parse(String text) {
    for (DocumentKind kind : values()) {
      if (kind.id().equals(text)) {
        return kind;
      }
    }
    throw new InvalidInputException(
        "kind must be identity, address, parental or agent_permission",
        List.of(new FieldProblem("kind", "not a document kind")));
  }
}
