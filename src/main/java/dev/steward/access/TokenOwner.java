package dev.steward.access;

import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/** Whose a token is: a staff user or a client account. */
public record TokenOwner(Kind kind, UUID id) {
  public enum Kind {
    STAFF,
    CLIENT;

    String id() {
      return name().toLowerCase(Locale.ROOT);
    }

    static Kind fromId(String id) {
      return valueOf(id.toUpperCase(Locale.ROOT));
    }
  }

  public TokenOwner {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(id, "id");
  }

  public static TokenOwner staff(UUID userId) {
    return new TokenOwner(Kind.STAFF, userId);
  }

  public static TokenOwner client(UUID accountId) {
    return new TokenOwner(Kind.CLIENT, accountId);
  }

  /** How the owner is named in audit details, e.g. {@code staff:<uuid>}. */
  @Override
  public String toString() {
    return kind.id() + ":" + id;
  }
}
