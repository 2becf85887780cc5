package dev.steward.decision;

import dev.steward.web.OptionalField;

/**
 * The answer to "may this system use this person's data of these categories for this purpose now?"
 *
 * @param outcome {@code allow} or {@code deny}
 * @param reason the {@link ReasonCode} of the first rule that applied, lower case
 * @param policyVersion the version of the policy the decision was made under
 * @param source for an opt-out, where it came from ({@code gpc}, {@code api}, {@code request} ...);
 *     for {@code no_consent}, the consent missing besides the purpose's own ({@code parental},
 *     {@code pipl:<consent id>}); otherwise null
 */
public record Decision(
    String outcome, String reason, String policyVersion, @OptionalField String source) {
  static Decision allow(String policyVersion) {
    return new Decision("allow", ReasonCode.ALLOWED.code(), policyVersion, null);
  }

  static Decision deny(ReasonCode reason, String policyVersion) {
    return new Decision("deny", reason.code(), policyVersion, null);
  }

  static Decision deny(ReasonCode reason, String policyVersion, String source) {
    return new Decision("deny", reason.code(), policyVersion, source);
  }

  public boolean allowed() {
    return outcome.equals("allow");
  }
}
