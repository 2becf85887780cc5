package dev.steward.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class IdentityNormalizerTest {
  private final IdentityNormalizer normalizer = new IdentityNormalizer("GB");

  private String normalize(IdentityType type, String value) {
    return normalizer.normalize(new Identity(type, value));
  }

  @Test
  void email_mixedCaseWithSpaces_isTrimmedAndLowerCased() {
    assertThat(normalize(IdentityType.EMAIL, "  Ann.Lee@Example.COM \n"))
        .isEqualTo("ann.lee@example.com");
  }

  @Test
  void email_internationalisedDomain_becomesPunycode() {
    assertThat(normalize(IdentityType.EMAIL, "Jörg@Bücher.Example"))
        .isEqualTo("jörg@xn--bcher-kva.example");
  }

  @ParameterizedTest
  @CsvSource({
    "no-at-sign.example.com",
    "two@@example.com",
    "a@b@example.com",
    "@example.com",
    "user@",
    "user@localhost",
    "us er@example.com",
    "user@exa mple.com"
  })
  void email_malformed_isRefusedWithoutEchoingTheValue(String value) {
    assertThatThrownBy(() -> normalize(IdentityType.EMAIL, value))
        .isInstanceOf(InvalidIdentityException.class)
        .hasMessageStartingWith("email identity is invalid: ")
        .hasMessageNotContaining(value);
  }

  @Test
  void email_loneSurrogate_isRefused_soItCannotCollideWithAQuestionMark() {
    assertThatThrownBy(() -> normalize(IdentityType.EMAIL, "\ud83d@example.com"))
        .isInstanceOf(InvalidIdentityException.class)
        .hasMessageContaining("lone surrogate");
    assertThat(normalize(IdentityType.EMAIL, "?@example.com")).isEqualTo("?@example.com");
    assertThat(normalize(IdentityType.EMAIL, "\ud83d\ude00@example.com"))
        .isEqualTo("\ud83d\ude00@example.com");
  }

  static Stream<Arguments> unreadable() {
    return Stream.of(
        Arguments.of("email", "ann\u0000@example.com"),
        Arguments.of("email", "ann\u202e@example.com"),
        Arguments.of("email", "an\u200bn@example.com"),
        Arguments.of("email", "ann@exam\u2066ple.com"),
        Arguments.of("email", "ann\ufffe@example.com"),
        Arguments.of("name", "Ann\u0000 Lee"),
        Arguments.of("name", "Ann \u202eeeL"),
        Arguments.of("name", "Ann \udc00Lee"),
        Arguments.of("postal_address", "1 High St\u0007"),
        Arguments.of("customer_account", "ACC-\u0001"),
        Arguments.of("device_id", "dev\u2067ice"));
  }

  @ParameterizedTest
  @MethodSource("unreadable")
  void anyType_controlDirectionAndBrokenCharacters_areRefused(String type, String value) {
    assertThatThrownBy(() -> normalize(IdentityType.of(type), value))
        .isInstanceOf(InvalidIdentityException.class)
        .hasMessageStartingWith(type + " identity is invalid: ");
  }

  @Test
  void postalAddress_andName_keepTheirLineBreaksAndJoiners() {
    assertThat(normalize(IdentityType.POSTAL_ADDRESS, "1 High St\r\nLondon"))
        .isEqualTo("1 high st london");
    assertThat(normalize(IdentityType.NAME, "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"))
        .contains("\u200c");
  }

  @Test
  void phone_internationalAndNationalForms_meetInE164() {
    assertThat(normalize(IdentityType.PHONE, "+44 20 3728 1161")).isEqualTo("+442037281161");
    assertThat(normalize(IdentityType.PHONE, "020 3728 1161")).isEqualTo("+442037281161");
    assertThat(normalize(IdentityType.PHONE, "(020) 3728-1161")).isEqualTo("+442037281161");
  }

  @Test
  void phone_defaultRegion_decidesNationalNumbers() {
    IdentityNormalizer us = new IdentityNormalizer("US");
    assertThat(us.normalize(Identity.phone("(650) 253-0000"))).isEqualTo("+16502530000");
  }

  @ParameterizedTest
  @CsvSource({"12", "not a phone", "+44 20 3728 11619999"})
  void phone_invalid_isATypedProblemWithoutTheNumber(String value) {
    assertThatThrownBy(() -> normalize(IdentityType.PHONE, value))
        .isInstanceOf(InvalidIdentityException.class)
        .hasMessageNotContaining(value);
  }

  @ParameterizedTest
  @CsvSource({
    "2001:0DB8:0000:0000:0000:0000:0000:0001, 2001:db8::1",
    "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
    "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
    "0:0:0:0:0:0:0:1, ::1",
    "::, ::",
    "fe80:0:0:0:0:0:0:0, fe80::",
    "[2001:db8::0:1], 2001:db8::1",
    "::ffff:192.0.2.1, 192.0.2.1",
    "192.0.2.10, 192.0.2.10"
  })
  void ipAddress_literal_takesItsCanonicalForm(String value, String canonical) {
    assertThat(normalize(IdentityType.IP_ADDRESS, value)).isEqualTo(canonical);
  }

  @ParameterizedTest
  @CsvSource({"example.com", "256.1.1.1", "1.2.3", "010.1.1.1", "2001:db8::g", "1:2:3:4:5:6:7:8:9"})
  void ipAddress_hostNameOrMalformed_isRefusedWithoutALookup(String value) {
    assertThatThrownBy(() -> normalize(IdentityType.IP_ADDRESS, value))
        .isInstanceOf(InvalidIdentityException.class)
        .hasMessageNotContaining(value);
  }

  @Test
  void name_unicodeVariants_foldToOneForm() {
    String plain = normalize(IdentityType.NAME, "Ｊｏｈａｎｎ   STRAUSS");
    assertThat(plain).isEqualTo("johann strauss");
    assertThat(normalize(IdentityType.NAME, "Johann Strauß")).isEqualTo(plain);
    assertThat(normalize(IdentityType.NAME, "ΟΔΥΣΣΕΥΣ"))
        .isEqualTo(normalize(IdentityType.NAME, "οδυσσευς"));
    assertThat(normalize(IdentityType.NAME, "Ame\u0301lie")).isEqualTo("amélie");
  }

  @Test
  void postalAddress_lineBreaksAndCase_collapse() {
    assertThat(normalize(IdentityType.POSTAL_ADDRESS, "10 Downing St\n  London\tSW1A 2AA"))
        .isEqualTo("10 downing st london sw1a 2aa");
  }

  @Test
  void deviceId_keepsItsCase() {
    assertThat(normalize(IdentityType.DEVICE_ID, " AbC-123 ")).isEqualTo("AbC-123");
  }

  @Test
  void anyType_blank_isRefused() {
    assertThatThrownBy(() -> normalize(IdentityType.NAME, " \t "))
        .isInstanceOf(InvalidIdentityException.class)
        .hasMessageContaining("empty");
  }

  @Test
  void identity_toString_hidesTheValue() {
    assertThat(Identity.email("ann@example.com").toString()).doesNotContain("ann");
  }

  @Test
  void defaultRegion_unknown_isAConfigurationProblemNamingIt() {
    assertThatThrownBy(() -> new IdentityNormalizer("XX"))
        .isInstanceOf(dev.steward.error.ConfigurationException.class)
        .hasMessageContaining("default phone region");
  }

  @Test
  void plainHostNames_skipIdnOnlyWhereIdnWouldReturnThemUnchanged() {
    java.util.Random random = new java.util.Random(7);
    String alphabet = "aZ09-.";
    int plain = 0;
    for (int n = 0; n < 200_000; n++) {
      StringBuilder domain = new StringBuilder();
      int length = 1 + random.nextInt(n % 10 == 0 ? 140 : 12);
      for (int i = 0; i < length; i++) {
        domain.append(
            random.nextInt(8) == 0 ? 'a' : alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String d = domain.toString();
      if (IdentityNormalizer.isPlainHostName(d)) {
        plain++;
        assertThat(java.net.IDN.toASCII(d, java.net.IDN.USE_STD3_ASCII_RULES)).as(d).isEqualTo(d);
      }
    }
    assertThat(plain).isGreaterThan(1000);
    assertThat(IdentityNormalizer.isPlainHostName("a".repeat(63) + ".com")).isTrue();
    assertThat(IdentityNormalizer.isPlainHostName("a".repeat(64) + ".com")).isFalse();
    assertThat(IdentityNormalizer.isPlainHostName("-a.com")).isFalse();
    assertThat(IdentityNormalizer.isPlainHostName("a-.com")).isFalse();
    assertThat(IdentityNormalizer.isPlainHostName("example.com.")).isFalse();
    assertThat(IdentityNormalizer.isPlainHostName("exämple.com")).isFalse();
    assertThat(new IdentityNormalizer("GB").normalize(Identity.email("Ann@Sub.Example.COM")))
        .isEqualTo("ann@sub.example.com");
  }

  @Test
  void localPartCheck_acceptsWhatThePatternMatches() {
    java.util.regex.Pattern pattern =
        java.util.regex.Pattern.compile("[^\\s@\"()<>\\[\\]\\\\,;:]{1,64}");
    int[] alphabet =
        "abcXYZ09.+-_ \t\n\u000B\f\r@\"()<>[]\\,;:é\u00A0\u2003😀".codePoints().toArray();
    java.util.Random random = new java.util.Random(11);
    int matched = 0;
    for (int n = 0; n < 200_000; n++) {
      StringBuilder local = new StringBuilder();
      int length = random.nextInt(70);
      for (int i = 0; i < length; i++) {
        local.appendCodePoint(
            random.nextInt(3) > 0 ? 'a' : alphabet[random.nextInt(alphabet.length)]);
      }
      String l = local.toString();
      boolean expected = pattern.matcher(l).matches();
      matched += expected ? 1 : 0;
      assertThat(IdentityNormalizer.isLocalPart(l)).as(l).isEqualTo(expected);
    }
    assertThat(matched).isGreaterThan(1000);
    assertThat(IdentityNormalizer.isLocalPart("😀".repeat(64))).isTrue();
    assertThat(IdentityNormalizer.isLocalPart("😀".repeat(65))).isFalse();
  }

  @Test
  void asciiCharacters_areRefusedAsTheGeneralRulesSay() {
    IdentityNormalizer normalizer = new IdentityNormalizer("GB");
    for (char c = 0; c < 0x80; c++) {
      int kind = Character.getType(c);
      for (boolean email : new boolean[] {true, false}) {
        String expected =
            kind == Character.CONTROL && (email || (c != '\t' && c != '\n' && c != '\r'))
                ? "control character"
                : email && (kind == Character.FORMAT || Character.isWhitespace(c))
                    ? "invisible or blank"
                    : null;
        Identity identity =
            email
                ? Identity.email("a" + c + "b@example.com")
                : new Identity(IdentityType.NAME, "a" + c + "b");
        String problem;
        try {
          normalizer.normalize(identity);
          problem = null;
        } catch (InvalidIdentityException e) {
          problem = e.getMessage();
        }
        if (expected == null) {
          assertThat(
                  problem == null
                      || !problem.contains("control character") && !problem.contains("invisible"))
              .as("%d %s", (int) c, email)
              .isTrue();
        } else {
          assertThat(problem).as("%d %s", (int) c, email).contains(expected);
        }
      }
    }
  }
}
