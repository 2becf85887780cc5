package dev.steward.policy.documents;

import dev.steward.policy.Mechanism;
import dev.steward.policy.RequestType;
import dev.steward.policy.RetentionRule;
import dev.steward.policy.Transfer;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The words the documents use for a policy's codes, for other features that write to people in
 * their language (the access package): legal bases, rights, retention limits, transfers. One
 * wording everywhere, so a package never says "consent" where the notice says "你的同意". Immutable and
 * thread-safe.
 */
public final class PolicyWords {
  private final Wording wording;

  /** Words in the language {@code tag} ({@code en} or {@code zh-CN}). */
  public PolicyWords(String tag) {
    this.wording = new Wording(DocumentLanguage.fromTag(tag));
  }

  /** A legal basis by its DPV id, e.g. {@code dpv:Consent}; unknown ids as written. */
  public String legalBasis(String dpvId) {
    return wording.legalBasis(dpvId);
  }

  /** Every legal basis the documents word, by DPV id ({@code dpv:Consent}), in this language. */
  public Map<String, String> legalBases() {
    return wording.keys("basis.").stream()
        .collect(Collectors.toMap(k -> "dpv:" + k.substring("basis.".length()), wording::text));
  }

  /** What a right lets the person do, e.g. "Get a copy of your data". */
  public String right(RequestType type) {
    return wording.label("right", type);
  }

  /** How long a retention rule keeps data, e.g. "Deleted 6 years after the relationship ends". */
  public String retention(RetentionRule rule) {
    return KeepingSections.limit(wording, rule);
  }

  /** "United Kingdom → United States (EU standard contractual clauses)". */
  public String transfer(Transfer transfer) {
    List<String> to = transfer.to().stream().map(wording::country).toList();
    String mechanisms = wording.join(transfer.mechanisms().stream().map(this::mechanism).toList());
    return wording.country(transfer.from())
        + " → "
        + wording.join(to)
        + (transfer.mechanisms().isEmpty() ? "" : wording.text("package.parenthesis", mechanisms));
  }

  private String mechanism(Mechanism mechanism) {
    return wording.label("mechanism", mechanism);
  }
}
