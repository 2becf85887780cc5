package dev.steward.logscan;

/** The line formats the scanner reads; each line is told apart by its first byte. */
public enum LogFormat {
  /** nginx/Apache combined: {@code addr ident user [time] "request" status bytes "ref" "ua"}. */
  COMBINED,
  /** JSON Lines: one object per line, nested objects named by dotted paths. */
  JSONL
}
