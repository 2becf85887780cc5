package dev.steward.console;

import dev.steward.error.InvalidInputException;
import dev.steward.error.InvalidInputException.FieldProblem;
import dev.steward.fulfilment.Correction;
import dev.steward.fulfilment.ErasureScope;
import dev.steward.fulfilment.Instructions;
import dev.steward.policy.Exemption;
import dev.steward.policy.Policy;
import dev.steward.vault.ExemptionGround;
import dev.steward.web.PageCall;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The console's instructions form read into the {@link Instructions} the JSON API takes: one
 * category kept under an exemption of the policy, the purposes ticked, corrections and content URLs
 * one a line, a portability endpoint, and whether to set or lift a restriction. Only the shape is
 * checked here; the service checks the rest.
 */
final class InstructionForm {
  private static final int MAX_YEARS = 100;

  private InstructionForm() {}

  static Instructions parse(PageCall page, Policy policy) {
    List<FieldProblem> problems = new ArrayList<>();
    List<ErasureScope.Keep> keep = new ArrayList<>();
    String category = page.form("keep_category");
    String exemptionId = page.form("keep_exemption");
    if (!category.isEmpty() || !exemptionId.isEmpty()) {
      Exemption exemption =
          policy.exemptions().stream()
              .filter(e -> e.id().equals(exemptionId))
              .findFirst()
              .orElse(null);
      ExemptionGround ground = exemption == null ? null : ground(exemption);
      if (ground == null) {
        problems.add(new FieldProblem("keep_exemption", "choose an exemption from the list"));
      }
      if (category.isEmpty() || category.length() > 100) {
        problems.add(new FieldProblem("keep_category", "name the category kept"));
      }
      int years = years(page.form("keep_years"), problems);
      if (ground != null && !category.isEmpty()) {
        keep.add(new ErasureScope.Keep(category, exemptionId, ground.id(), years));
      }
    }
    List<Correction> corrections = new ArrayList<>();
    for (String line : lines(page.form("corrections"))) {
      int eq = line.indexOf('=');
      if (eq <= 0 || line.substring(0, eq).isBlank()) {
        problems.add(new FieldProblem("corrections", "write each correction as item = value"));
        break;
      }
      corrections.add(
          new Correction(line.substring(0, eq).strip(), line.substring(eq + 1).strip()));
    }
    String restrict = page.form("restrict");
    Boolean restricting =
        switch (restrict) {
          case "" -> null;
          case "set" -> Boolean.TRUE;
          case "lift" -> Boolean.FALSE;
          default -> {
            problems.add(new FieldProblem("restrict", "choose from the list"));
            yield null;
          }
        };
    if (!problems.isEmpty()) {
      throw new InvalidInputException("the instructions are not complete", problems);
    }
    String endpoint = page.form("portability_endpoint");
    return new Instructions(
        corrections,
        keep,
        new LinkedHashSet<>(page.formAll("purposes")),
        endpoint.isEmpty() ? null : endpoint,
        lines(page.form("content_urls")),
        restricting);
  }

  /** The vault keeps under these grounds only (GDPR Art. 17(3)(b) and (e), Art. 23(1)(g)). */
  private static ExemptionGround ground(Exemption exemption) {
    for (ExemptionGround ground : ExemptionGround.values()) {
      if (ground.name().equals(exemption.ground().name())) {
        return ground;
      }
    }
    return null;
  }

  private static int years(String raw, List<FieldProblem> problems) {
    if (raw.isEmpty()) {
      return 6;
    }
    try {
      int years = Integer.parseInt(raw);
      if (years >= 1 && years <= MAX_YEARS) {
        return years;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    problems.add(new FieldProblem("keep_years", "give the years kept as a whole number"));
    return 6;
  }

  private static List<String> lines(String text) {
    return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
  }
}
