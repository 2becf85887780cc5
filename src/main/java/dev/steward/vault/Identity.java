package dev.steward.vault;

import java.util.Objects;

/**
 * An identity as it arrives: its type and the raw value, before normalisation. {@link #toString()}
 * never shows the value, so an identity that ends up in a log line or exception message leaks
 * nothing.
 */
public record Identity(IdentityType type, String value) {
  public Identity {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(value, "value");
  }

  public static Identity email(String value) {
    return new Identity(IdentityType.EMAIL, value);
  }

  public static Identity phone(String value) {
    return new Identity(IdentityType.PHONE, value);
  }

  public static Identity name(String value) {
    return new Identity(IdentityType.NAME, value);
  }

  @Override
  public String toString() {
    return "Identity[" + type.id() + ", value hidden]";
  }
}
