package dev.steward.principal;

import java.util.Set;
import java.util.UUID;

/**
 * Who is calling. Every principal answers what it may do and how it is named in the audit log (ids
 * only, never personal data).
 */
public sealed interface Principal {

  boolean has(Permission permission);

  /** Audit actor type: {@code user}, {@code token}, {@code subject-session}, {@code system} ... */
  String actorType();

  /** Audit actor id: a user id, token id or session id. */
  String actorId();

  /** A staff user, signed in or calling with one of their tokens (then scopes narrow the role). */
  record Staff(UUID userId, Role role, Set<Permission> scopes, UUID tokenId) implements Principal {
    public Staff {
      scopes = Set.copyOf(scopes);
    }

    @Override
    public boolean has(Permission permission) {
      return role.permissions().contains(permission) && scopes.contains(permission);
    }

    @Override
    public String actorType() {
      return tokenId == null ? "user" : "token";
    }

    @Override
    public String actorId() {
      return tokenId == null ? userId.toString() : tokenId.toString();
    }
  }

  /** A business customer, integrating system or OpenDSR peer, calling with an account token. */
  record Client(UUID accountId, ClientKind kind, Set<Permission> scopes, UUID tokenId)
      implements Principal {
    public Client {
      scopes = Set.copyOf(scopes);
    }

    @Override
    public boolean has(Permission permission) {
      return kind.allowed().contains(permission) && scopes.contains(permission);
    }

    @Override
    public String actorType() {
      return "client-token";
    }

    @Override
    public String actorId() {
      return tokenId.toString();
    }
  }

  /**
   * A person who proved possession of an email or phone. {@code subjectRef} is the keyed hash of
   * that identity; the session reaches only that person's requests and preferences.
   */
  record SubjectSession(UUID sessionId, String subjectRef) implements Principal {
    @Override
    public boolean has(Permission permission) {
      return false;
    }

    @Override
    public String actorType() {
      return "subject-session";
    }

    @Override
    public String actorId() {
      return sessionId.toString();
    }
  }

  /** Nobody: a public route's caller. */
  record Anonymous() implements Principal {
    @Override
    public boolean has(Permission permission) {
      return false;
    }

    @Override
    public String actorType() {
      return "anonymous";
    }

    @Override
    public String actorId() {
      return "-";
    }
  }

  /** Steward itself: scheduled jobs, start-up, the CLI run by the operator on the host. */
  record System(String component) implements Principal {
    @Override
    public boolean has(Permission permission) {
      return true;
    }

    @Override
    public String actorType() {
      return "system";
    }

    @Override
    public String actorId() {
      return component;
    }
  }
}
