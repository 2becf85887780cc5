package dev.steward.discovery;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** What a column's or field's name suggests it holds. Stateless. */
final class ColumnHints {
  private static final Object[][] RULES = {
    {PersonalDataType.EMAIL, "e?_?mail(_?addr(ess)?)?|.*_email|email_.*"},
    {PersonalDataType.PHONE, ".*(phone|mobile|tel|telephone|msisdn|fax).*"},
    {PersonalDataType.IPV4, "(.*_)?ip(_?addr(ess)?)?|remote_addr|client_ip|.*_ip"},
    {PersonalDataType.IPV6, "(.*_)?ip(v6)?(_?addr(ess)?)?|remote_addr|client_ip|.*_ip"},
    {
      PersonalDataType.PAYMENT_CARD, ".*(card_?(number|no|num)|pan|cc_?(number|num)|credit_?card).*"
    },
    {PersonalDataType.IBAN, ".*(iban|bank_?account).*"},
    {PersonalDataType.US_SSN, ".*(ssn|social_?security).*"},
    {PersonalDataType.UK_NINO, ".*(nino|ni_?(number|no)|national_?insurance).*"},
    {
      PersonalDataType.CN_RESIDENT_ID,
      ".*(id_?card|resident_?id|shenfenzheng|sfz|citizen_?id|national_?id).*"
    },
    {PersonalDataType.DATE_OF_BIRTH, ".*(dob|birth|born|birthday).*"},
    {
      PersonalDataType.NAME,
      "(.*_)?(name|full_?name|first_?name|last_?name|surname|given_?name|family_?name|forename|contact_?name|display_?name|referee)"
    },
    {
      PersonalDataType.ADDRESS,
      ".*(address|street|addr_?line|postcode|post_?code|zip_?code|city|town)(_?\\d)?"
    },
  };
  private static final Pattern[] PATTERNS = new Pattern[RULES.length];
  private static final Set<String> NOT_A_PERSON =
      Set.of(
          "product_name",
          "company_name",
          "file_name",
          "filename",
          "table_name",
          "host_name",
          "hostname",
          "username_hash",
          "plan_name",
          "category_name",
          "name_space",
          "namespace",
          "user_agent",
          "campaign_name",
          "list_name",
          "event_name",
          "item_name",
          "status_name");

  static {
    for (int i = 0; i < RULES.length; i++) {
      PATTERNS[i] = Pattern.compile((String) RULES[i][1]);
    }
  }

  private ColumnHints() {}

  /** The types the name {@code column} suggests; {@code client.ip} and {@code clientIp} alike. */
  static Set<PersonalDataType> of(String column) {
    String name =
        column
            .replaceAll("([a-z0-9])([A-Z])", "$1_$2")
            .toLowerCase(Locale.ROOT)
            .replace('.', '_')
            .replace('-', '_');
    Set<PersonalDataType> types = EnumSet.noneOf(PersonalDataType.class);
    if (NOT_A_PERSON.contains(name)) {
      return types;
    }
    for (int i = 0; i < RULES.length; i++) {
      if (PATTERNS[i].matcher(name).matches()) {
        types.add((PersonalDataType) RULES[i][0]);
      }
    }
    return types;
  }
}
