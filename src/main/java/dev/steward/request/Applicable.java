package dev.steward.request;

import dev.steward.error.InvalidInputException;
import dev.steward.error.InvalidInputException.FieldProblem;
import dev.steward.policy.Jurisdiction;
import dev.steward.policy.Jurisdiction.Right;
import dev.steward.policy.Law;
import dev.steward.policy.Policy;
import dev.steward.policy.RequestType;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The jurisdictions of the policy that grant a request type to a person of some residence, each
 * with its right. When several apply, each clock runs and the earliest governs.
 */
record Applicable(List<Granted> granted) {

  /** One jurisdiction granting the right. */
  record Granted(Jurisdiction jurisdiction, Right right) {}

  Applicable {
    granted = List.copyOf(granted);
  }

  /**
   * @throws InvalidInputException naming the jurisdictions that apply but do not grant the type
   */
  static Applicable of(Policy policy, Residence residence, RequestType type) {
    List<Jurisdiction> applying =
        policy.jurisdictions().stream()
            .filter(jurisdiction -> residence.laws().contains(jurisdiction.law()))
            .toList();
    List<Granted> granted =
        applying.stream()
            .flatMap(j -> j.right(type).map(right -> new Granted(j, right)).stream())
            .toList();
    if (granted.isEmpty()) {
      List<Jurisdiction> byResidence =
          applying.stream().filter(j -> j.law() != Law.COMPANY && j.law() != Law.COPPA).toList();
      String named =
          byResidence.isEmpty()
              ? "no jurisdiction of the policy covers residence " + residence.code()
              : byResidence.stream()
                      .map(j -> "'" + j.id() + "' (" + j.name() + ")")
                      .collect(Collectors.joining(", "))
                  + (byResidence.size() == 1 ? " does" : " do")
                  + " not grant it";
      throw new InvalidInputException(
          "'"
              + TypeNames.id(type)
              + "' cannot be requested from residence "
              + residence.code()
              + ": "
              + named,
          List.of(new FieldProblem("type", "not a right for this residence")));
    }
    return new Applicable(granted);
  }

  List<String> jurisdictionIds() {
    return granted.stream().map(g -> g.jurisdiction().id()).toList();
  }

  boolean allowsAgents() {
    return granted.stream().anyMatch(g -> g.right().authorizedAgent());
  }
}
