package dev.steward.access;

import dev.steward.principal.Role;
import java.util.Optional;

/**
 * What {@link StaffUsers#add} needs. Without a display name the user name is shown; without a
 * password a one-time password is generated and must be changed at the first sign-in.
 */
public record NewStaffUser(
    String username, Role role, Optional<String> displayName, Optional<String> password) {

  public NewStaffUser {
    displayName = displayName == null ? Optional.empty() : displayName;
    password = password == null ? Optional.empty() : password;
  }

  public static NewStaffUser of(String username, Role role) {
    return new NewStaffUser(username, role, Optional.empty(), Optional.empty());
  }
}
