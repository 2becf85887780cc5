package dev.steward.discovery;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Recognisers for single values: each says whether a value is of its type, checking the checksum
 * where the type has one (Luhn for cards, mod-97 for IBANs, ISO 7064 MOD 11-2 for mainland China
 * resident ids) and the number plan where it has one (libphonenumber, SSN areas, NINO prefixes).
 * Names and addresses have no checksum: their value tests are shapes and word lists, and column
 * names carry more of the weight ({@link ColumnHints}). Stateless; thread-safe.
 */
final class Detectors {
  private static final Pattern EMAIL =
      Pattern.compile(
          "[A-Za-z0-9._%+'-]{1,64}@[A-Za-z0-9-]{1,63}(\\.[A-Za-z0-9-]{1,63})*\\.[A-Za-z]{2,24}");
  private static final Pattern IPV4 =
      Pattern.compile(
          "((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
  private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]{2,45}");
  private static final Pattern SSN = Pattern.compile("(\\d{3})-(\\d{2})-(\\d{4})");
  private static final Pattern NINO =
      Pattern.compile("(?!BG|GB|NK|KN|TN|NT|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]\\d{6}[A-D]");
  private static final Pattern CN_ID = Pattern.compile("[1-8]\\d{16}[\\dX]");
  private static final Pattern IBAN = Pattern.compile("[A-Z]{2}\\d{2}[A-Z0-9]{11,30}");
  private static final Pattern DATE_ISO =
      Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})(?:[T ]00:00(:00)?(\\.0+)?)?");
  private static final Pattern DATE_DMY = Pattern.compile("(\\d{1,2})[/.](\\d{1,2})[/.](\\d{4})");
  private static final Pattern NAME_WORD = Pattern.compile("\\p{Lu}[\\p{L}'’-]{1,30}\\.?");
  private static final Pattern CJK_NAME = Pattern.compile("[\\x{4E00}-\\x{9FFF}]{2,4}");
  private static final Pattern UK_POSTCODE =
      Pattern.compile("(?i).*\\b[A-Z]{1,2}\\d[A-Z\\d]? ?\\d[A-Z]{2}\\b.*");
  private static final Pattern STREET =
      Pattern.compile(
          "(?i).*\\d+[A-Za-z]?,? .*\\b(street|st|road|rd|avenue|ave|lane|ln|way|drive|dr|close"
              + "|court|ct|place|pl|boulevard|blvd|square|sq|terrace|crescent|gardens|hill|row"
              + "|strasse|straße|rue|via|calle)\\b.*");
  private static final Pattern CN_ADDRESS =
      Pattern.compile(".*[\\x{4E00}-\\x{9FFF}]+(路|街|道|巷|弄)\\d+号.*");
  private static final Map<String, Integer> IBAN_LENGTHS =
      Map.ofEntries(
          Map.entry("AT", 20),
          Map.entry("BE", 16),
          Map.entry("CH", 21),
          Map.entry("CZ", 24),
          Map.entry("DE", 22),
          Map.entry("DK", 18),
          Map.entry("ES", 24),
          Map.entry("FI", 18),
          Map.entry("FR", 27),
          Map.entry("GB", 22),
          Map.entry("IE", 22),
          Map.entry("IT", 27),
          Map.entry("LU", 20),
          Map.entry("NL", 18),
          Map.entry("NO", 15),
          Map.entry("PL", 28),
          Map.entry("PT", 25),
          Map.entry("SE", 24));
  private static final Set<String> GIVEN_NAMES =
      Set.of(
          "james",
          "mary",
          "john",
          "patricia",
          "robert",
          "jennifer",
          "michael",
          "linda",
          "william",
          "elizabeth",
          "david",
          "barbara",
          "richard",
          "susan",
          "joseph",
          "jessica",
          "thomas",
          "sarah",
          "charles",
          "karen",
          "christopher",
          "nancy",
          "daniel",
          "lisa",
          "matthew",
          "betty",
          "anthony",
          "margaret",
          "mark",
          "sandra",
          "paul",
          "ashley",
          "steven",
          "emily",
          "andrew",
          "donna",
          "joshua",
          "michelle",
          "george",
          "carol",
          "kevin",
          "amanda",
          "brian",
          "melissa",
          "edward",
          "deborah",
          "oliver",
          "olivia",
          "harry",
          "amelia",
          "jack",
          "isla",
          "charlie",
          "ava",
          "noah",
          "emma",
          "sophie",
          "lucy",
          "grace",
          "alice",
          "hannah",
          "anna",
          "peter",
          "laura",
          "ruth",
          "wei",
          "fang",
          "li",
          "min",
          "jing",
          "lei",
          "yan",
          "hui",
          "ming",
          "xin",
          "mohammed",
          "fatima",
          "ahmed",
          "aisha",
          "maria",
          "jose",
          "juan",
          "ana",
          "luis",
          "carlos",
          "sofia",
          "lucas",
          "chloe",
          "liam",
          "mia",
          "ethan",
          "zoe",
          "leo",
          "ella",
          "max",
          "ben",
          "sam",
          "tom",
          "kate");
  private static final int[] CN_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  private static final String CN_CHECK = "10X98765432";

  private final PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
  private final String phoneRegion;
  private final LocalDate today;

  Detectors(String phoneRegion, LocalDate today) {
    this.phoneRegion = phoneRegion;
    this.today = today;
  }

  /** Every type {@code value} is recognised as (usually none or one). */
  Set<PersonalDataType> classify(String raw) {
    Set<PersonalDataType> types = EnumSet.noneOf(PersonalDataType.class);
    String value = raw.strip();
    if (value.isEmpty() || value.length() > 200) {
      return types;
    }
    if (value.indexOf('@') > 0 && EMAIL.matcher(value).matches()) {
      types.add(PersonalDataType.EMAIL);
      return types;
    }
    if (IPV4.matcher(value).matches()) {
      types.add(PersonalDataType.IPV4);
      return types;
    }
    if (isIpv6(value)) {
      types.add(PersonalDataType.IPV6);
      return types;
    }
    String compact = value.replace(" ", "").replace("-", "");
    if (isCard(compact)) {
      types.add(PersonalDataType.PAYMENT_CARD);
    }
    if (isIban(compact.toUpperCase(Locale.ROOT))) {
      types.add(PersonalDataType.IBAN);
    }
    if (isSsn(value)) {
      types.add(PersonalDataType.US_SSN);
    }
    if (NINO.matcher(compact.toUpperCase(Locale.ROOT)).matches()
        && (compact.length() == value.length()
            || value.matches("[A-Za-z]{2} ?\\d{2} ?\\d{2} ?\\d{2} ?[A-Da-d]"))) {
      types.add(PersonalDataType.UK_NINO);
    }
    if (isChinaResidentId(value.toUpperCase(Locale.ROOT))) {
      types.add(PersonalDataType.CN_RESIDENT_ID);
    }
    if (types.isEmpty() && isPhone(value)) {
      types.add(PersonalDataType.PHONE);
    }
    if (types.isEmpty() && isBirthDate(value)) {
      types.add(PersonalDataType.DATE_OF_BIRTH);
    }
    if (types.isEmpty() && isName(value)) {
      types.add(PersonalDataType.NAME);
    }
    if (types.isEmpty() && isAddress(value)) {
      types.add(PersonalDataType.ADDRESS);
    }
    return types;
  }

  static boolean isIpv6(String value) {
    if (value.indexOf(':') < 0 || !IPV6_CHARS.matcher(value).matches()) {
      return false;
    }
    int colons = (int) value.chars().filter(c -> c == ':').count();
    if (colons < 2 || colons > 7) {
      return false;
    }
    try {
      return java.net.InetAddress.getByName(value) instanceof java.net.Inet6Address;
    } catch (java.net.UnknownHostException e) {
      return false;
    }
  }

  /** 13–19 digits starting as the card schemes do, passing Luhn. */
  static boolean isCard(String digits) {
    if (digits.length() < 13
        || digits.length() > 19
        || !digits.chars().allMatch(Character::isDigit)) {
      return false;
    }
    char first = digits.charAt(0);
    if (first < '2' || first > '6') {
      return false;
    }
    int sum = 0;
    boolean twice = false;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int d = digits.charAt(i) - '0';
      if (twice) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      twice = !twice;
    }
    return sum % 10 == 0;
  }

  /** ISO 13616: the country's length, then mod 97 of the rearranged number is 1. */
  static boolean isIban(String value) {
    if (!IBAN.matcher(value).matches()) {
      return false;
    }
    Integer length = IBAN_LENGTHS.get(value.substring(0, 2));
    if (length != null && length != value.length()) {
      return false;
    }
    String rearranged = value.substring(4) + value.substring(0, 4);
    int remainder = 0;
    for (int i = 0; i < rearranged.length(); i++) {
      int n = Character.getNumericValue(rearranged.charAt(i));
      remainder = n >= 10 ? (remainder * 100 + n) % 97 : (remainder * 10 + n) % 97;
    }
    return remainder == 1;
  }

  /** AAA-GG-SSSS with the area, group and serial the SSA never issues refused. */
  static boolean isSsn(String value) {
    var matcher = SSN.matcher(value);
    if (!matcher.matches()) {
      return false;
    }
    int area = Integer.parseInt(matcher.group(1));
    return area != 0
        && area != 666
        && area < 900
        && !matcher.group(2).equals("00")
        && !matcher.group(3).equals("0000");
  }

  /** GB 11643-1999: region, birth date, sequence, ISO 7064 MOD 11-2 check character. */
  static boolean isChinaResidentId(String value) {
    if (!CN_ID.matcher(value).matches()) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += (value.charAt(i) - '0') * CN_WEIGHTS[i];
    }
    if (CN_CHECK.charAt(sum % 11) != value.charAt(17)) {
      return false;
    }
    try {
      LocalDate born =
          LocalDate.of(
              Integer.parseInt(value.substring(6, 10)),
              Integer.parseInt(value.substring(10, 12)),
              Integer.parseInt(value.substring(12, 14)));
      return born.getYear() >= 1900;
    } catch (DateTimeException e) {
      return false;
    }
  }

  boolean isPhone(String value) {
    long digits = value.chars().filter(Character::isDigit).count();
    if (digits < 7 || digits > 15 || !value.matches("[+()0-9 .\\-]+")) {
      return false;
    }
    // A bare run of digits is as likely an id or an amount: only an international form counts.
    if (!value.startsWith("+") && !value.startsWith("00") && value.matches("\\d+")) {
      return false;
    }
    try {
      return phones.isValidNumber(phones.parse(value, phoneRegion));
    } catch (NumberParseException e) {
      return false;
    }
  }

  /** A date a living person aged 13 to 110 could have been born on. */
  boolean isBirthDate(String value) {
    LocalDate date = date(value);
    return date != null
        && !date.isAfter(today.minusYears(13))
        && date.isAfter(today.minusYears(110));
  }

  static LocalDate date(String value) {
    try {
      var iso = DATE_ISO.matcher(value);
      if (iso.matches()) {
        return LocalDate.of(
            Integer.parseInt(iso.group(1)),
            Integer.parseInt(iso.group(2)),
            Integer.parseInt(iso.group(3)));
      }
      var dmy = DATE_DMY.matcher(value);
      if (dmy.matches()) {
        return LocalDate.of(
            Integer.parseInt(dmy.group(3)),
            Integer.parseInt(dmy.group(2)),
            Integer.parseInt(dmy.group(1)));
      }
    } catch (DateTimeException e) {
      return null;
    }
    return null;
  }

  /** Two to four capitalised words whose first is a common given name, or 2–4 CJK characters. */
  static boolean isName(String value) {
    if (CJK_NAME.matcher(value).matches()) {
      return true;
    }
    String[] words = value.split("\\s+");
    if (words.length < 2 || words.length > 4) {
      return false;
    }
    for (String word : words) {
      if (!NAME_WORD.matcher(word).matches()) {
        return false;
      }
    }
    return GIVEN_NAMES.contains(words[0].toLowerCase(Locale.ROOT).replace(".", ""))
        || words.length >= 2 && GIVEN_NAMES.contains(words[1].toLowerCase(Locale.ROOT));
  }

  /**
   * A house number and a street word, a UK postcode in a longer text, or a Chinese road and number.
   */
  static boolean isAddress(String value) {
    if (value.length() < 8) {
      return false;
    }
    return STREET.matcher(value).matches()
        || (value.contains(" ") && value.length() > 10 && UK_POSTCODE.matcher(value).matches())
        || CN_ADDRESS.matcher(value).matches();
  }
}
