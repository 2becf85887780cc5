package dev.steward.fulfilment;

/** A value to replace: the system's item id and the corrected value. Holds personal data. */
public record Correction(String itemId, String value) {
  @Override
  public String toString() {
    return "Correction[" + itemId + ", value hidden]";
  }
}
