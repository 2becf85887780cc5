package dev.steward.fulfilment;

import dev.steward.error.InvalidInputException;
import dev.steward.error.InvalidInputException.FieldProblem;
import dev.steward.policy.PublishedPolicies;
import dev.steward.principal.Principal;
import dev.steward.request.Requests;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Takes what staff tell fulfilment about one request, for the JSON API and the console alike:
 * checks the request is in the caller's caseload, that purposes name the policy's and that a
 * portability endpoint may be sent to, then stores the instructions sealed. Thread-safe.
 */
public final class InstructionDesk {
  private final Requests requests;
  private final InstructionRows rows;
  private final PublishedPolicies policies;
  private final boolean plainHttpTransmission;
  private final Clock clock;

  InstructionDesk(
      Requests requests,
      InstructionRows rows,
      PublishedPolicies policies,
      boolean plainHttpTransmission,
      Clock clock) {
    this.requests = requests;
    this.rows = rows;
    this.policies = policies;
    this.plainHttpTransmission = plainHttpTransmission;
    this.clock = clock;
  }

  /** Replaces the instructions of {@code requestId}; nothing is stored when they are refused. */
  public void give(Principal caller, UUID requestId, Instructions given) {
    requests.detail(caller, requestId); // not found outside the caller's caseload
    checkPurposes(given);
    if (given.portabilityEndpoint() != null) {
      Transmissions.checked(given.portabilityEndpoint(), plainHttpTransmission);
    }
    rows.put(requestId, given, clock.instant());
  }

  /** Objections and withdrawals name the policy's purposes; anything else would match nothing. */
  private void checkPurposes(Instructions given) {
    var policy = policies.current().policy();
    List<FieldProblem> problems =
        given.purposes().stream()
            .sorted()
            .filter(p -> policy.purpose(p).isEmpty())
            .map(p -> new FieldProblem("purposes", "'" + p + "' is not a purpose of the policy"))
            .toList();
    if (!problems.isEmpty()) {
      throw new InvalidInputException("the instructions name unknown purposes", problems);
    }
  }
}
