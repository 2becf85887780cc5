package dev.steward.audit;

import dev.steward.principal.Principal;
import java.util.regex.Pattern;

/**
 * Something that happened, before it is chained: who (actor type and id, from a {@link Principal}),
 * did what ({@code action}), to what ({@code objectType}, {@code objectId}), with which {@code
 * outcome}, and an optional {@code detail}. Every field holds ids and codes only, never personal
 * data. Field sizes match the {@code audit_entry} columns; a value that does not fit is a
 * programming error and is refused here, so it can never fail a whole batch of appends.
 */
public record AuditEvent(
    String actorType,
    String actorId,
    String action,
    String objectType,
    String objectId,
    String outcome,
    String detail) {
  public static final String OK = "ok";
  public static final String DENIED = "denied";
  public static final String FAILED = "failed";

  private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9._:-]*");

  public AuditEvent {
    code("actorType", actorType, 16);
    text("actorId", actorId, 64);
    code("action", action, 64);
    code("objectType", objectType, 64);
    text("objectId", objectId, 128);
    code("outcome", outcome, 16);
    if (detail != null && detail.isBlank()) {
      detail = null;
    } else if (detail != null) {
      text("detail", detail, 2000);
    }
  }

  public static AuditEvent of(
      Principal actor, String action, String objectType, String objectId, String outcome) {
    return new AuditEvent(
        actor.actorType(), actor.actorId(), action, objectType, objectId, outcome, null);
  }

  /** The same event with a detail (ids and codes only); blank means none. */
  public AuditEvent withDetail(String detail) {
    return new AuditEvent(actorType, actorId, action, objectType, objectId, outcome, detail);
  }

  private static void code(String field, String value, int maxLength) {
    text(field, value, maxLength);
    if (!CODE.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "audit " + field + " must be a lower-case code ([a-z0-9._:-]), got '" + value + "'");
    }
  }

  private static void text(String field, String value, int maxLength) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("audit " + field + " cannot be empty");
    }
    if (value.length() > maxLength) {
      throw new IllegalArgumentException(
          "audit " + field + " cannot be longer than " + maxLength + " characters");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      boolean pairedSurrogate =
          Character.isHighSurrogate(c)
              && i + 1 < value.length()
              && Character.isLowSurrogate(value.charAt(++i));
      if (Character.isISOControl(c) || (Character.isSurrogate(c) && !pairedSurrogate)) {
        // Control characters and broken UTF-16 would not survive the database unchanged.
        throw new IllegalArgumentException(
            "audit " + field + " contains a control character or an unpaired surrogate");
      }
    }
  }
}
