package dev.steward.consent;

import dev.steward.error.InvalidInputException;
import dev.steward.error.InvalidInputException.FieldProblem;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Whom a consent, an opt-out or a decision is about: a vault subject, a device (the consent id a
 * banner keeps in a first-party cookie), or an identity Steward may not know, by its keyed hash
 * ({@code IdentityIndex}). Never holds personal data in clear. Immutable.
 */
public record Party(Kind kind, String id) {
  /** A device id: opaque, URL-safe, long enough not to be guessed. */
  private static final Pattern DEVICE_ID = Pattern.compile("[A-Za-z0-9_-]{16,128}");

  public enum Kind {
    SUBJECT,
    DEVICE,
    IDENTITY;

    private final String keyPrefix = name().toLowerCase(Locale.ROOT) + ":";

    String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public Party {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(id, "id");
  }

  public static Party subject(UUID subjectId) {
    return new Party(Kind.SUBJECT, subjectId.toString());
  }

  /**
   * A device by the consent id it carries.
   *
   * @throws InvalidInputException naming {@code field} when the id is not 16 to 128 URL-safe
   *     characters
   */
  public static Party device(String deviceId, String field) {
    if (deviceId == null || !DEVICE_ID.matcher(deviceId).matches()) {
      throw new InvalidInputException(
          "a device id is 16 to 128 characters of A-Z, a-z, 0-9, '-' and '_'",
          List.of(new FieldProblem(field, "not a device id")));
    }
    return new Party(Kind.DEVICE, deviceId);
  }

  /** True when {@code deviceId} is a well-formed device id. */
  public static boolean isDeviceId(String deviceId) {
    return deviceId != null && DEVICE_ID.matcher(deviceId).matches();
  }

  /** An identity by its keyed hash. */
  public static Party identity(String keyedHash) {
    return new Party(Kind.IDENTITY, keyedHash);
  }

  /** {@code subject:<uuid>}, {@code device:<id>} or {@code identity:<hash>}: how it is stored. */
  public String key() {
    return kind.keyPrefix.concat(id);
  }

  public UUID subjectId() {
    if (kind != Kind.SUBJECT) {
      throw new IllegalStateException(key() + " is not a subject");
    }
    return UUID.fromString(id);
  }

  static Party fromKey(String key) {
    int colon = key.indexOf(':');
    return new Party(
        Kind.valueOf(key.substring(0, colon).toUpperCase(Locale.ROOT)), key.substring(colon + 1));
  }
}
