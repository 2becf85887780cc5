package dev.steward.principal;

/**
 * Turns the credential a call carries into a {@link Principal}. Implementations are thread-safe.
 */
public interface Authenticator {
  /**
   * @param authorization the {@code Authorization} header, or null when absent
   * @return {@link Principal.Anonymous} when no credential came with the call
   * @throws dev.steward.error.UnauthenticatedException when a credential came and is not valid
   */
  Principal authenticate(String authorization);
}
