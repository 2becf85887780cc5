package dev.steward.access;

import dev.steward.error.InvalidInputException;
import dev.steward.error.InvalidInputException.FieldProblem;
import dev.steward.principal.Permission;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Scope strings to permissions and back, with errors that list what would have been valid. */
final class Scopes {
  private Scopes() {}

  /** Parses and checks scopes against what the owner may hold. */
  static Set<Permission> parse(Collection<String> scopes, Set<Permission> ownerMayHold) {
    if (scopes == null || scopes.isEmpty()) {
      throw invalid("at least one scope is required; valid scopes are: " + join(ownerMayHold));
    }
    EnumSet<Permission> parsed = EnumSet.noneOf(Permission.class);
    for (String scope : scopes) {
      String trimmed = scope == null ? "" : scope.strip();
      Permission permission =
          Permission.fromScope(trimmed)
              .orElseThrow(
                  () ->
                      invalid(
                          "unknown scope '"
                              + trimmed
                              + "'; valid scopes are: "
                              + join(EnumSet.allOf(Permission.class))));
      if (!ownerMayHold.contains(permission)) {
        throw invalid(
            "scope '" + trimmed + "' is more than the owner may hold: " + join(ownerMayHold));
      }
      parsed.add(permission);
    }
    return parsed;
  }

  /** Space-separated scope strings, in declaration order. */
  static String format(Set<Permission> permissions) {
    return inOrder(permissions).collect(Collectors.joining(" "));
  }

  /** Reads what {@link #format} wrote; a scope no longer known is dropped, not trusted. */
  static Set<Permission> read(String stored) {
    EnumSet<Permission> permissions = EnumSet.noneOf(Permission.class);
    Arrays.stream(stored.split(" "))
        .map(Permission::fromScope)
        .flatMap(java.util.Optional::stream)
        .forEach(permissions::add);
    return permissions;
  }

  static String join(Set<Permission> permissions) {
    return permissions.isEmpty()
        ? "(none)"
        : inOrder(permissions).collect(Collectors.joining(", "));
  }

  private static java.util.stream.Stream<String> inOrder(Set<Permission> permissions) {
    return Arrays.stream(Permission.values()).filter(permissions::contains).map(Permission::scope);
  }

  private static InvalidInputException invalid(String message) {
    return new InvalidInputException(message, List.of(new FieldProblem("scopes", message)));
  }
}
