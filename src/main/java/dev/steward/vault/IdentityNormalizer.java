package dev.steward.vault;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import dev.steward.error.ConfigurationException;
import java.net.IDN;
import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Brings an identity to the one form that is hashed and compared, so that {@code Ann@Example.COM}
 * and {@code ann@example.com} find the same person. Failures are {@link InvalidIdentityException}s
 * that describe the problem without repeating the value. Stateless and thread-safe.
 */
public final class IdentityNormalizer {
  private static final int MAX_LENGTH = 1000;
  private static final Pattern WHITESPACE =
      Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

  private final PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
  private final String defaultRegion;

  /**
   * @param defaultRegion ISO 3166 region for phone numbers written without a country code, e.g.
   *     {@code GB}
   */
  public IdentityNormalizer(String defaultRegion) {
    if (!phones.getSupportedRegions().contains(defaultRegion)) {
      throw new ConfigurationException(
          "default phone region must be a supported ISO 3166 region code, not '"
              + defaultRegion
              + "'");
    }
    this.defaultRegion = defaultRegion;
  }

  public String normalize(Identity identity) {
    IdentityType type = identity.type();
    String value = identity.value().strip();
    if (value.isEmpty()) {
      throw new InvalidIdentityException(type, "it is empty");
    }
    if (value.length() > MAX_LENGTH) {
      throw new InvalidIdentityException(type, "it is longer than " + MAX_LENGTH + " characters");
    }
    checkCharacters(type, value);
    switch (type.id()) {
      case "email":
        return email(value);
      case "phone":
        return phone(value);
      case "ip_address":
        return IpLiterals.canonical(value);
      case "name":
      case "postal_address":
        return folded(type, value);
      default:
        // Account and device ids are case-sensitive tokens; only their Unicode form is unified.
        return WHITESPACE
            .matcher(Normalizer.normalize(value, Normalizer.Form.NFKC))
            .replaceAll(" ");
    }
  }

  /**
   * Refuses characters no identity holds, before anything is hashed: a lone UTF-16 surrogate would
   * be encoded as '?', making two different inputs one person; control characters (NUL among them)
   * and text-direction controls can make a value look like another one on screen. Line breaks and
   * tabs may separate the lines of an address; an email address takes no invisible character.
   */
  private static void checkCharacters(IdentityType type, String value) {
    boolean email = type.equals(IdentityType.EMAIL);
    for (int i = 0; i < value.length(); ) {
      char c = value.charAt(i);
      if (c < 0x80) {
        // ASCII, most of what is hashed: of it only the control characters and, in an email
        // address, the space are refused, as the checks below would.
        if ((c < 0x20 || c == 0x7F) && (email || (c != '\t' && c != '\n' && c != '\r'))) {
          throw new InvalidIdentityException(type, "it holds a control character");
        }
        if (email && c == ' ') {
          throw new InvalidIdentityException(type, "it holds an invisible or blank character");
        }
        i++;
        continue;
      }
      if (Character.isSurrogate(c)) {
        boolean paired =
            Character.isHighSurrogate(c)
                && i + 1 < value.length()
                && Character.isLowSurrogate(value.charAt(i + 1));
        if (!paired) {
          throw new InvalidIdentityException(type, "it holds a broken character (lone surrogate)");
        }
      }
      int point = value.codePointAt(i);
      int kind = Character.getType(point);
      if (kind == Character.CONTROL
          && (email || (point != '\t' && point != '\n' && point != '\r'))) {
        throw new InvalidIdentityException(type, "it holds a control character");
      }
      if (isDirectionControl(point)) {
        throw new InvalidIdentityException(type, "it holds a text-direction control character");
      }
      if (email && (kind == Character.FORMAT || Character.isWhitespace(point))) {
        throw new InvalidIdentityException(type, "it holds an invisible or blank character");
      }
      if ((point & 0xFFFE) == 0xFFFE || (point >= 0xFDD0 && point <= 0xFDEF)) {
        throw new InvalidIdentityException(type, "it holds a Unicode noncharacter");
      }
      i += Character.charCount(point);
    }
  }

  /** The bidirectional formatting characters of Unicode (UAX #9): marks, embeddings, isolates. */
  private static boolean isDirectionControl(int point) {
    return point == 0x061C
        || point == 0x200E
        || point == 0x200F
        || (point >= 0x202A && point <= 0x202E)
        || (point >= 0x2066 && point <= 0x2069);
  }

  private static String email(String value) {
    int at = value.lastIndexOf('@');
    if (at <= 0 || at != value.indexOf('@') || at == value.length() - 1) {
      throw new InvalidIdentityException(
          IdentityType.EMAIL, "it needs exactly one '@' between a" + " local part and a domain");
    }
    String local = value.substring(0, at);
    // NFKC leaves ASCII as it is: most addresses of a mailing list of millions are spared it.
    if (!isAscii(local)) {
      local = Normalizer.normalize(local, Normalizer.Form.NFKC);
    }
    if (!isLocalPart(local)) {
      throw new InvalidIdentityException(
          IdentityType.EMAIL,
          "the local part is longer than 64 characters or has a character" + " not allowed there");
    }
    String domain = value.substring(at + 1);
    if (!isPlainHostName(domain)) {
      try {
        domain = IDN.toASCII(domain, IDN.USE_STD3_ASCII_RULES);
      } catch (IllegalArgumentException e) {
        throw new InvalidIdentityException(
            IdentityType.EMAIL, "the domain is not a valid host name");
      }
    }
    if (!domain.contains(".") || domain.startsWith(".") || domain.endsWith(".")) {
      throw new InvalidIdentityException(
          IdentityType.EMAIL, "the domain needs at least two labels, e.g. example.com");
    }
    String email = (local + "@" + domain).toLowerCase(Locale.ROOT);
    if (email.length() > 254) {
      throw new InvalidIdentityException(IdentityType.EMAIL, "it is longer than 254 characters");
    }
    return email;
  }

  /**
   * 1 to 64 characters (code points), none of them blank (space, tab, line feed, vertical tab, form
   * feed, carriage return), {@code @}, a quote, a parenthesis, an angle or square bracket, a
   * backslash, a comma, a semicolon or a colon: what the pattern {@code [^\s@"()<>\[\]\\,;:]{1,64}}
   * matches, without a regular expression per address.
   */
  static boolean isLocalPart(String local) {
    int count = 0;
    for (int i = 0; i < local.length(); ) {
      int point = local.codePointAt(i);
      switch (point) {
        case ' ',
            '\t',
            '\n',
            0x0B,
            '\f',
            '\r',
            '@',
            '"',
            '(',
            ')',
            '<',
            '>',
            '[',
            ']',
            '\\',
            ',',
            ';',
            ':' -> {
          return false;
        }
        default -> {}
      }
      if (++count > 64) {
        return false;
      }
      i += Character.charCount(point);
    }
    return count > 0;
  }

  private static boolean isAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  /**
   * A host name IDN.toASCII would return unchanged (RFC 3490 4.1: all-ASCII labels skip nameprep;
   * with the STD3 rules each label is 1 to 63 letters, digits and hyphens, not at either end): the
   * common case, spared the conversion, which costs more than the keyed hash that follows on a
   * mailing list of millions.
   */
  static boolean isPlainHostName(String domain) {
    int label = 0;
    char previous = '.';
    for (int i = 0; i < domain.length(); i++) {
      char c = domain.charAt(i);
      if (c == '.') {
        if (label == 0 || previous == '-') {
          return false;
        }
        label = 0;
      } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
        label++;
      } else if (c == '-' && label > 0) {
        label++;
      } else {
        return false;
      }
      if (label > 63) {
        return false;
      }
      previous = c;
    }
    return label > 0 && previous != '-';
  }

  private String phone(String value) {
    PhoneNumber number;
    try {
      number = phones.parse(value, defaultRegion);
    } catch (NumberParseException e) {
      // The library's message is generic, but the cause is not chained: it holds parser state.
      throw new InvalidIdentityException(
          IdentityType.PHONE, "it cannot be read as a phone number (" + e.getErrorType() + ")");
    }
    if (!phones.isValidNumber(number)) {
      throw new InvalidIdentityException(
          IdentityType.PHONE, "it is not a valid number (default region " + defaultRegion + ")");
    }
    return phones.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
  }

  /**
   * NFKC, full case folding (upper then lower handles ß and final sigma), one space between words.
   */
  private static String folded(IdentityType type, String value) {
    String nfkc = Normalizer.normalize(value, Normalizer.Form.NFKC);
    String folded = nfkc.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    String result =
        WHITESPACE
            .matcher(Normalizer.normalize(folded, Normalizer.Form.NFKC))
            .replaceAll(" ")
            .strip();
    if (result.isEmpty()) {
      throw new InvalidIdentityException(type, "it has no visible characters");
    }
    return result;
  }
}
