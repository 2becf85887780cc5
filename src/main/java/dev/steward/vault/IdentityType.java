package dev.steward.vault;

import dev.steward.error.InvalidInputException;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The kind of an identity: one of the built-in types, or a custom type the policy file declares
 * (checked against the {@link VaultVocabulary} by the vault). Immutable.
 */
public record IdentityType(String id) {
  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]{0,63}");

  public static final IdentityType EMAIL = new IdentityType("email");
  public static final IdentityType PHONE = new IdentityType("phone");
  public static final IdentityType NAME = new IdentityType("name");
  public static final IdentityType POSTAL_ADDRESS = new IdentityType("postal_address");
  public static final IdentityType CUSTOMER_ACCOUNT = new IdentityType("customer_account");
  public static final IdentityType IP_ADDRESS = new IdentityType("ip_address");
  public static final IdentityType DEVICE_ID = new IdentityType("device_id");

  private static final Set<IdentityType> BUILT_IN =
      Set.of(EMAIL, PHONE, NAME, POSTAL_ADDRESS, CUSTOMER_ACCOUNT, IP_ADDRESS, DEVICE_ID);

  // Many people share a name, a household an address, a network an IP address.
  private static final Set<IdentityType> SHARED = Set.of(NAME, POSTAL_ADDRESS, IP_ADDRESS);

  public IdentityType {
    if (id == null || !ID.matcher(id).matches()) {
      throw new InvalidInputException(
          "identity type must be lower-case letters, digits and '_', starting with a letter");
    }
  }

  public static IdentityType of(String id) {
    return new IdentityType(id);
  }

  /** True for the types Steward knows without a policy declaration. */
  public boolean isBuiltIn() {
    return BUILT_IN.contains(this);
  }

  /**
   * True when the identity belongs to one person at a time (an email address, a phone number, an
   * account or device id, a custom type); false for kinds many people share (names, postal
   * addresses, IP addresses), which never identify anyone and never link subjects.
   */
  public boolean identifiesOnePerson() {
    return !SHARED.contains(this);
  }

  @Override
  public String toString() {
    return id;
  }
}
