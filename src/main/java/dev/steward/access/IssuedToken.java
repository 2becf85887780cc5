package dev.steward.access;

/**
 * A token just created and its bearer secret. The secret is not stored and cannot be shown again.
 */
public record IssuedToken(ApiToken token, String secret) {
  @Override
  public String toString() {
    return "IssuedToken[" + token + ", secret=***]";
  }
}
