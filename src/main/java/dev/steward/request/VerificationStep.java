package dev.steward.request;

import dev.steward.policy.Verification;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One thing a requester must do before a request is verified (RULES.md, "Verification levels"). A
 * request needs the union of the steps of every right that applies, plus the agent's permission
 * when an agent files it; it is verified when every step is done.
 */
enum VerificationStep {
  /** Possession of the email or phone: a one-time code. */
  CODE,
  /** Proof of identity and of address, uploaded and approved by staff. */
  DOCUMENTS,
  /** CCPA: two data points matching the vault ("reasonable certainty"). */
  TWO_DATA_POINTS,
  /** CCPA: three data points and a declaration under penalty of perjury. */
  THREE_DATA_POINTS,
  /** A parent's proof of identity and parenthood, approved by staff (COPPA 16 CFR 312.5). */
  PARENTAL,
  /** The person's signed permission for an authorized agent, approved by staff. */
  AGENT_PERMISSION;

  static Set<VerificationStep> forLevel(Verification level) {
    return switch (level) {
      case NONE, ACCOUNT_CREDENTIALS -> EnumSet.noneOf(VerificationStep.class);
      // A level the policy leaves unstated gets the proportionate default: possession.
      case POSSESSION, UNSTATED -> EnumSet.of(CODE);
      case DOCUMENTS -> EnumSet.of(DOCUMENTS);
      case CCPA_2_POINTS -> EnumSet.of(TWO_DATA_POINTS);
      case CCPA_3_POINTS_DECLARATION -> EnumSet.of(THREE_DATA_POINTS);
      case PARENTAL -> EnumSet.of(PARENTAL);
    };
  }

  /** The document kinds whose approval completes this step; empty when it takes no documents. */
  Set<DocumentKind> documents() {
    return switch (this) {
      case DOCUMENTS -> EnumSet.of(DocumentKind.IDENTITY, DocumentKind.ADDRESS);
      case PARENTAL -> EnumSet.of(DocumentKind.PARENTAL);
      case AGENT_PERMISSION -> EnumSet.of(DocumentKind.AGENT_PERMISSION);
      default -> EnumSet.noneOf(DocumentKind.class);
    };
  }

  String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  static String join(Set<VerificationStep> steps) {
    return steps.stream().map(VerificationStep::id).sorted().collect(Collectors.joining(","));
  }

  static Set<VerificationStep> split(String text) {
    Set<VerificationStep> steps = EnumSet.noneOf(VerificationStep.class);
    if (text != null && !text.isBlank()) {
      Arrays.stream(text.split(","))
          .map(id -> valueOf(id.toUpperCase(Locale.ROOT)))
          .forEach(steps::add);
    }
    return steps;
  }
}
