package dev.steward.access;

import dev.steward.error.BadRequestException;
import dev.steward.error.InvalidInputException;
import dev.steward.error.InvalidInputException.FieldProblem;
import dev.steward.principal.ClientKind;
import dev.steward.principal.Permission;
import dev.steward.principal.Role;
import dev.steward.web.OptionalField;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The bodies the access routes read and write. Scopes, roles and kinds travel as their string ids
 * ({@code audit:read}, {@code dpo}, {@code integration}); secrets appear only in the answers that
 * create them.
 */
public final class AccessApi {
  private AccessApi() {}

  public record SignInRequest(String username, String password) {
    @Override
    public String toString() {
      return "SignInRequest[***]";
    }
  }

  public record SessionView(
      String token,
      UUID tokenId,
      Instant expiresAt,
      UUID userId,
      String role,
      List<String> scopes,
      boolean mustChangePassword) {}

  public record ChangePasswordRequest(String currentPassword, String newPassword) {
    @Override
    public String toString() {
      return "ChangePasswordRequest[***]";
    }
  }

  public record UserView(
      UUID id,
      String username,
      String displayName,
      String role,
      boolean mustChangePassword,
      boolean disabled,
      Instant createdAt) {}

  public record UserList(List<UserView> users) {}

  public record NewUserRequest(
      String username,
      String role,
      @OptionalField String displayName,
      @OptionalField String password) {}

  /** {@code oneTimePassword} is present only when Steward generated it; it is not shown again. */
  public record CreatedUser(UserView user, @OptionalField String oneTimePassword) {}

  public record ClientView(
      UUID id, String name, String kind, boolean disabled, Instant createdAt) {}

  public record ClientList(List<ClientView> clients) {}

  public record NewClientRequest(String name, String kind) {}

  public record TokenView(
      UUID id,
      String ownerKind,
      UUID ownerId,
      String name,
      List<String> scopes,
      Instant createdAt,
      Instant expiresAt,
      @OptionalField Instant revokedAt,
      @OptionalField Instant lastUsedAt) {}

  public record TokenList(List<TokenView> tokens) {}

  /** Without {@code clientId} the token is the caller's own. */
  public record NewTokenRequest(
      String name, List<String> scopes, int expiresInDays, @OptionalField UUID clientId) {}

  /** {@code secret} is the bearer token; it is not stored and cannot be shown again. */
  public record CreatedToken(TokenView token, String secret) {}

  static SessionView view(Session session) {
    return new SessionView(
        session.token(),
        session.tokenId(),
        session.expiresAt(),
        session.userId(),
        session.role().id(),
        scopes(session.scopes()),
        session.mustChangePassword());
  }

  static UserView view(StaffUser user) {
    return new UserView(
        user.id(),
        user.username(),
        user.displayName(),
        user.role().id(),
        user.mustChangePassword(),
        user.disabled(),
        user.createdAt());
  }

  static ClientView view(ClientAccount account) {
    return new ClientView(
        account.id(), account.name(), account.kind().id(), account.disabled(), account.createdAt());
  }

  static TokenView view(ApiToken token) {
    return new TokenView(
        token.id(),
        token.owner().kind().id(),
        token.owner().id(),
        token.name(),
        scopes(token.scopes()),
        token.createdAt(),
        token.expiresAt(),
        token.revokedAt(),
        token.lastUsedAt());
  }

  static Role role(String id) {
    return Role.fromId(id == null ? "" : id)
        .orElseThrow(
            () ->
                invalid(
                    "role",
                    "unknown role; valid roles are: "
                        + Arrays.stream(Role.values())
                            .map(Role::id)
                            .collect(Collectors.joining(", "))));
  }

  static ClientKind kind(String id) {
    return ClientKind.fromId(id == null ? "" : id)
        .orElseThrow(
            () ->
                invalid(
                    "kind",
                    "unknown client kind; valid kinds are: "
                        + Arrays.stream(ClientKind.values())
                            .map(ClientKind::id)
                            .collect(Collectors.joining(", "))));
  }

  /** A path id; ids are UUIDs, never names, so no personal data reaches a URL. */
  static UUID id(String raw) {
    try {
      return UUID.fromString(raw);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException("the id in the path is not a valid id");
    }
  }

  private static List<String> scopes(Set<Permission> permissions) {
    return Arrays.stream(Permission.values())
        .filter(permissions::contains)
        .map(Permission::scope)
        .toList();
  }

  private static InvalidInputException invalid(String field, String message) {
    return new InvalidInputException(message, List.of(new FieldProblem(field, message)));
  }
}
