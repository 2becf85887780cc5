package dev.steward.web;

import dev.steward.principal.Principal;
import java.util.Optional;

/**
 * Staff sessions carried by the console's cookie. The access feature implements it on top of its
 * sign-in, so the cookie holds the same kind of session token the API's sign-in issues, with the
 * same throttling, locks and revocation, plus an idle timeout. Implementations are thread-safe.
 */
public interface WebSessions {
  /** The staff member the cookie's secret signs in, or empty when it is unknown, idle or over. */
  Optional<Principal> authenticate(String secret);

  /** Whether {@code caller} must pick a new password before doing anything else. */
  boolean mustChangePassword(Principal caller);

  /** None: every staff page redirects to sign-in (a node without the console). */
  static WebSessions none() {
    return new WebSessions() {
      @Override
      public Optional<Principal> authenticate(String secret) {
        return Optional.empty();
      }

      @Override
      public boolean mustChangePassword(Principal caller) {
        return false;
      }
    };
  }
}
