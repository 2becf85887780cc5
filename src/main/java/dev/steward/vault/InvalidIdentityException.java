package dev.steward.vault;

import dev.steward.error.InvalidInputException;

/**
 * An identity value could not be normalised. The message names the type and the problem, never the
 * value, so it can be logged and returned to the caller as it is.
 */
public class InvalidIdentityException extends InvalidInputException {
  private final IdentityType type;

  public InvalidIdentityException(IdentityType type, String problem) {
    super(type.id() + " identity is invalid: " + problem);
    this.type = type;
  }

  public IdentityType type() {
    return type;
  }
}
