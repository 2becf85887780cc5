package dev.steward.discovery;

import java.util.Locale;

/** The kinds of personal data discovery recognises, each with the policy category it proposes. */
public enum PersonalDataType {
  EMAIL("contact.email"),
  PHONE("contact.phone"),
  IPV4("device.ip_address"),
  IPV6("device.ip_address"),
  PAYMENT_CARD("financial.payment_card"),
  IBAN("financial.bank_account"),
  US_SSN("identification.national_id"),
  UK_NINO("identification.national_id"),
  CN_RESIDENT_ID("identification.national_id"),
  DATE_OF_BIRTH("identification.date_of_birth"),
  NAME("identification.name"),
  ADDRESS("identification.address");

  private final String category;

  PersonalDataType(String category) {
    this.category = category;
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The policy category a proposal files this type under. */
  public String category() {
    return category;
  }
}
