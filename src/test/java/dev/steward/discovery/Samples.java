package dev.steward.discovery;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Random;

/** Generated values of every type discovery knows, valid checksums included, and look-alikes. */
final class Samples {
  private static final String[] FIRST = {
    "James", "Mary", "Oliver", "Amelia", "Wei", "Fatima", "Carlos", "Sophie", "David", "Grace"
  };
  private static final String[] LAST = {
    "Smith", "Jones", "Chen", "Garcia", "Okafor", "Müller", "Brown", "Taylor", "Wang", "Patel"
  };
  private static final String[] STREETS = {
    "High Street", "Station Road", "Oak Avenue", "Mill Lane", "Church Way"
  };
  private final Random random;

  Samples(long seed) {
    random = new Random(seed);
  }

  String email() {
    return FIRST[random.nextInt(10)].toLowerCase(Locale.ROOT)
        + "."
        + random.nextInt(10000)
        + "@example.com";
  }

  /**
   * A number in a range libphonenumber knows as assigned (GB mobile or US), formatted as people
   * write it.
   */
  String phone() {
    var util = com.google.i18n.phonenumbers.PhoneNumberUtil.getInstance();
    while (true) {
      String candidate =
          random.nextBoolean()
              ? "+44 7911 " + String.format("%06d", random.nextInt(1_000_000))
              : "+1 650-253-" + String.format("%04d", random.nextInt(10000));
      try {
        if (util.isValidNumber(util.parse(candidate, "US"))) {
          return candidate;
        }
      } catch (com.google.i18n.phonenumbers.NumberParseException e) {
        // Try another.
      }
    }
  }

  String ipv4() {
    return (1 + random.nextInt(222))
        + "."
        + random.nextInt(256)
        + "."
        + random.nextInt(256)
        + "."
        + (1 + random.nextInt(254));
  }

  String ipv6() {
    return "2001:db8:"
        + Integer.toHexString(random.nextInt(65536))
        + "::"
        + Integer.toHexString(1 + random.nextInt(65535));
  }

  String card() {
    String prefix = new String[] {"4", "51", "37", "6011"}[random.nextInt(4)];
    int length = prefix.equals("37") ? 15 : 16;
    StringBuilder digits = new StringBuilder(prefix);
    while (digits.length() < length - 1) {
      digits.append(random.nextInt(10));
    }
    for (int check = 0; check < 10; check++) {
      if (Detectors.isCard(digits.toString() + check)) {
        return digits.toString() + check;
      }
    }
    throw new IllegalStateException();
  }

  String iban() {
    String bban =
        "NWBK" + String.format("%014d", Math.abs(random.nextLong()) % 100_000_000_000_000L);
    for (int check = 2; check < 99; check++) {
      String candidate = "GB" + String.format("%02d", check) + bban;
      if (Detectors.isIban(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException();
  }

  String ssn() {
    return String.format(
        "%03d-%02d-%04d",
        1 + random.nextInt(665), 1 + random.nextInt(99), 1 + random.nextInt(9999));
  }

  String nino() {
    String letters = "ABCEHJKLMNPRSTWXY";
    return ""
        + letters.charAt(random.nextInt(letters.length()))
        + letters.charAt(random.nextInt(letters.length()))
        + String.format("%06d", random.nextInt(1_000_000))
        + "ABCD".charAt(random.nextInt(4));
  }

  String chinaId() {
    LocalDate born =
        LocalDate.of(1950 + random.nextInt(55), 1 + random.nextInt(12), 1 + random.nextInt(28));
    String body =
        "110105" + born.toString().replace("-", "") + String.format("%03d", random.nextInt(1000));
    for (char check : "0123456789X".toCharArray()) {
      if (Detectors.isChinaResidentId(body + check)) {
        return body + check;
      }
    }
    throw new IllegalStateException();
  }

  String birthDate() {
    return LocalDate.of(1940 + random.nextInt(65), 1 + random.nextInt(12), 1 + random.nextInt(28))
        .toString();
  }

  String name() {
    return random.nextInt(5) == 0
        ? new String[] {"王伟", "李娜", "张敏", "刘洋"}[random.nextInt(4)]
        : FIRST[random.nextInt(10)] + " " + LAST[random.nextInt(10)];
  }

  String address() {
    return (1 + random.nextInt(200))
        + " "
        + STREETS[random.nextInt(STREETS.length)]
        + ", London SW1A "
        + (1 + random.nextInt(9))
        + "AA";
  }

  /** Values that are not personal data but look like some that are. */
  String lookAlike() {
    return switch (random.nextInt(12)) {
      case 0 -> "ORD-" + (100000 + random.nextInt(900000));
      case 1 ->
          String.valueOf(
              4000000000000000L + random.nextInt(1_000_000) * 10L + 1); // fails Luhn mostly
      case 2 -> java.util.UUID.randomUUID().toString();
      case 3 -> String.format("%.2f", random.nextDouble() * 500);
      case 4 ->
          LocalDate.of(2021 + random.nextInt(4), 1 + random.nextInt(12), 1 + random.nextInt(28))
              .toString();
      case 5 -> "Blue Widget " + random.nextInt(100);
      case 6 -> "shipped";
      case 7 ->
          "GB"
              + (10 + random.nextInt(89))
              + "NWBK"
              + (10000000 + random.nextInt(89999999))
              + "123456";
      case 8 -> String.valueOf(100000000 + random.nextInt(899999999));
      case 9 -> "v" + random.nextInt(9) + "." + random.nextInt(20) + "." + random.nextInt(50);
      case 10 -> "Thanks for the quick reply";
      default -> Long.toHexString(random.nextLong());
    };
  }
}
