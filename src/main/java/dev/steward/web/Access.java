package dev.steward.web;

import dev.steward.access.Permission;
import java.util.Objects;

/**
 * What a route demands of its caller: a permission, or an explicit public kind. Every route
 * declares one; there is no default.
 */
public record Access(Permission permission, PublicKind publicKind) {
  public Access {
    if ((permission == null) == (publicKind == null)) {
      throw new IllegalArgumentException("a route is either public or needs one permission");
    }
  }

  public static Access requires(Permission permission) {
    return new Access(Objects.requireNonNull(permission), null);
  }

  public static Access open(PublicKind kind) {
    return new Access(null, Objects.requireNonNull(kind));
  }

  public boolean isPublic() {
    return publicKind != null;
  }
}
