package dev.steward.web;

import dev.steward.principal.Permission;
import java.util.Objects;

/**
 * What a route demands of its caller: a permission (staff and client tokens), a subject session (a
 * person signed in with a one-time code, never staff), or an explicit public kind. Every route
 * declares exactly one; there is no default.
 */
public record Access(Permission permission, PublicKind publicKind, boolean subjectSession) {
  public Access {
    int forms =
        (permission == null ? 0 : 1) + (publicKind == null ? 0 : 1) + (subjectSession ? 1 : 0);
    if (forms != 1) {
      throw new IllegalArgumentException(
          "a route is either public, for a subject session, or needs one permission");
    }
  }

  public static Access requires(Permission permission) {
    return new Access(Objects.requireNonNull(permission), null, false);
  }

  public static Access open(PublicKind kind) {
    return new Access(null, Objects.requireNonNull(kind), false);
  }

  /** Only a subject session may call; staff and client tokens are refused with 403. */
  public static Access subject() {
    return new Access(null, null, true);
  }

  public boolean isPublic() {
    return publicKind != null;
  }

  public boolean isSubjectSession() {
    return subjectSession;
  }
}
