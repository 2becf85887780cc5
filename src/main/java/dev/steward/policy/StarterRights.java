package dev.steward.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * The rights block of each law in a starting policy, with the bundled defaults of RULES: the
 * deadlines the law sets, proportionate verification, and no check for opt-outs and objections to
 * direct marketing.
 */
final class StarterRights {
  private StarterRights() {}

  /** The YAML lines of a jurisdiction after its references: deadlines, rights, breach clocks. */
  static List<String> of(Law law, List<String> channels) {
    String exercise = "[" + String.join(", ", channels) + "]";
    List<String> lines = new ArrayList<>();
    switch (law) {
      case GDPR, UK_GDPR -> gdpr(law, exercise, lines);
      case CCPA -> ccpa(exercise, lines);
      case PIPL -> {
        lines.add(
            "    # No statutory count (PIPL Art. 44-50); 15 working days is common practice.");
        lines.add("    deadline: {count: business_days, amount: 15}");
        lines.add("    rights:");
        for (String type : List.of("access", "rectification", "erasure", "explanation")) {
          lines.add(right(type, "possession", exercise));
        }
        lines.add("    complaint_authorities: unstated");
        lines.add("    breach: # PIPL Art. 57");
        lines.add("      - {to: regulator, timing: immediately}");
        lines.add(
            "      - {to: individuals, timing: immediately, condition: unless measures taken"
                + " avoid harm}");
      }
      case HK_PDPO -> {
        lines.add("    deadline: {count: calendar_days, amount: 40} # PDPO s.19(1), s.23(1)");
        lines.add("    rights:");
        lines.add(right("access", "possession", exercise));
        lines.add(right("rectification", "possession", exercise));
        lines.add("    complaint_authorities: unstated");
      }
      case COPPA -> {
        lines.add("    minimum_age: 13 # 16 CFR 312.2; remove it if the service is for children");
        lines.add("    rights:");
        lines.add(
            "      # COPPA 16 CFR 312.6 sets no count: 10 business days is a declared target.");
        lines.add(
            "      - {type: parental_deletion, verification: parental, exercise: "
                + exercise
                + ", deadline: {count: business_days, amount: 10}}");
        lines.add("    complaint_authorities: unstated");
      }
      case COMPANY -> throw new IllegalArgumentException("no starting rights for " + law);
    }
    return lines;
  }

  private static void gdpr(Law law, String exercise, List<String> lines) {
    String count = law == Law.GDPR ? "gdpr_months" : "uk_months";
    String article = law == Law.GDPR ? "GDPR" : "UK GDPR";
    lines.add("    deadline: {count: " + count + ", amount: 1} # " + article + " Art. 12(3)");
    lines.add(
        "    extension: {count: "
            + count
            + ", amount: 2, condition: complex or numerous requests; the person is told why"
            + " within the first month}");
    lines.add("    indirect_collection_notice: {count: " + count + ", amount: 1} # Art. 14(3)");
    lines.add("    rights:");
    for (String type : List.of("access", "rectification", "erasure", "portability")) {
      lines.add(right(type, "possession", exercise));
    }
    lines.add("      - type: objection");
    lines.add("        verification: possession");
    lines.add("        exercise: " + exercise);
    lines.add("        # Art. 21(3): marketing stops on the objection, without a check.");
    lines.add("        direct_marketing: {verification: none, exercise: [unsubscribe_link]}");
    lines.add(right("restriction", "possession", exercise));
    // Art. 7(3): withdrawing consent takes no more than giving it.
    lines.add(right("withdraw_consent", "none", exercise));
    if (law == Law.UK_GDPR) {
      lines.add("    complaint_authorities:");
      lines.add("      - {name: Information Commissioner's Office, country: GB}");
    } else {
      lines.add("    complaint_authorities: unstated # the lead supervisory authority");
    }
    lines.add("    breach:");
    lines.add(
        "      - {to: regulator, timing: within, within: {count: hours, amount: 72}, condition:"
            + " unless unlikely to put people at risk (Art. 33)}");
    lines.add(
        "      - {to: individuals, timing: without_undue_delay, condition: when likely to put them"
            + " at high risk (Art. 34)}");
  }

  private static void ccpa(String exercise, List<String> lines) {
    lines.add("    rights:");
    lines.add(
        "      # 11 CCR 7021: confirm in 10 business days, answer in 45 days, once extendable by");
    lines.add("      # 45; 11 CCR 7063: an authorized agent may ask for the consumer.");
    for (String[] type :
        List.of(
            new String[] {"know", "ccpa_2_points"},
            new String[] {"know_specific", "ccpa_3_points_declaration"},
            new String[] {"delete", "ccpa_2_points"},
            new String[] {"correct", "ccpa_2_points"})) {
      lines.add("      - type: " + type[0]);
      lines.add("        verification: " + type[1]);
      lines.add("        exercise: " + exercise);
      lines.add("        authorized_agent: true");
      lines.add("        confirm: {count: business_days, amount: 10}");
      lines.add("        deadline: {count: calendar_days, amount: 45}");
      lines.add(
          "        extension: {count: calendar_days, amount: 45, condition: the person is told"
              + " why within the first 45 days}");
    }
    lines.add("      # 11 CCR 7026(f): as soon as feasible, at most 15 business days; no check.");
    lines.add(
        "      - {type: opt_out_sale_sharing, verification: none, exercise: "
            + exercise
            + ", authorized_agent: true, deadline: {count: business_days, amount: 15}}");
    lines.add("    caloppa: {do_not_track: unstated}");
    lines.add("    complaint_authorities: unstated");
    lines.add("    breach: # Civ. Code 1798.82 as amended by SB 446 (secondary sources)");
    lines.add(
        "      - {to: individuals, timing: within, within: {count: calendar_days, amount: 30},"
            + " condition: counted from discovery}");
    lines.add(
        "      - {to: regulator, timing: within, within: {count: calendar_days, amount: 15},"
            + " counted_from: individuals_notified, more_than: 500,"
            + " condition: \"the Attorney General, when more than 500 residents are told\"}");
  }

  private static String right(String type, String verification, String exercise) {
    return "      - {type: "
        + type
        + ", verification: "
        + verification
        + ", exercise: "
        + exercise
        + "}";
  }
}
