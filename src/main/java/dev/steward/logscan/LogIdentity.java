package dev.steward.logscan;

/**
 * One identity of one subject, as looked for in log lines. Holds personal data; {@link #toString()}
 * shows none.
 */
public record LogIdentity(IdentityType type, String value) {
  public LogIdentity {
    if (type == null || value == null || value.isBlank()) {
      throw new IllegalArgumentException("an identity needs a type and a value");
    }
    value = value.strip();
  }

  @Override
  public String toString() {
    return "LogIdentity[" + type.id() + ", value hidden]";
  }
}
