package dev.steward.policy;

import java.util.Comparator;
import java.util.Objects;

/**
 * One located finding about a policy file: where it is, how bad it is, what is wrong and how to fix
 * it. Lines and columns count from 1, as editors show them.
 *
 * @param hint what to change; empty when there is nothing more to say than the message
 */
public record Problem(
    Severity severity, String file, int line, int column, String message, String hint) {

  /** Orders problems by file, then position, so a report reads top to bottom. */
  public static final Comparator<Problem> BY_POSITION =
      Comparator.comparing(Problem::file)
          .thenComparingInt(Problem::line)
          .thenComparingInt(Problem::column);

  public Problem {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(message, "message");
    hint = hint == null ? "" : hint;
    line = Math.max(1, line);
    column = Math.max(1, column);
  }

  /** {@code FILE:LINE:COLUMN: error|warning: message (hint: ...)}, the form compilers use. */
  public String format() {
    String text = file + ":" + line + ":" + column + ": " + severity.label() + ": " + message;
    return hint.isEmpty() ? text : text + " (hint: " + hint + ")";
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** An error makes the policy unusable; a warning flags a questionable or incomplete practice. */
  public enum Severity {
    ERROR,
    WARNING;

    public String label() {
      return this == ERROR ? "error" : "warning";
    }
  }
}
