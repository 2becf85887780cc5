package dev.steward.request;

import dev.steward.error.InvalidInputException;
import dev.steward.error.InvalidInputException.FieldProblem;
import dev.steward.principal.Principal;
import dev.steward.request.Challenges.Kind;
import dev.steward.vault.Identity;
import dev.steward.vault.IdentityType;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * CCPA verification by matching data points against the vault (11 CCR §7060–7062): two for
 * reasonable certainty, three and a declaration under penalty of perjury for reasonably high
 * certainty. The person learns the outcome by letter only; the answer to the call is the same.
 */
final class DataPoints {
  private static final Principal MATCHER = new Principal.System("request-verification");
  private static final Set<String> TYPES =
      Set.of("email", "phone", "name", "postal_address", "customer_account");

  /** One piece of information the person gives, e.g. {@code postal_address}. */
  record Point(String type, String value) {
    @Override
    public String toString() {
      return "Point[" + type + ", value hidden]";
    }
  }

  private final RequestContext context;
  private final Workflow workflow;
  private final Verifications verifications;
  private final Closing closing;

  DataPoints(
      RequestContext context, Workflow workflow, Verifications verifications, Closing closing) {
    this.context = context;
    this.workflow = workflow;
    this.verifications = verifications;
    this.closing = closing;
  }

  void submit(String reference, String token, List<Point> points, String declarationName) {
    List<Identity> identities = parse(points);
    verifications.checked(
        reference,
        EnumSet.of(VerificationStep.TWO_DATA_POINTS, VerificationStep.THREE_DATA_POINTS),
        Kind.TOKEN,
        token,
        (handle, row) -> match(handle, row, identities, declarationName));
  }

  private RequestRow match(
      Handle handle, RequestRow row, List<Identity> identities, String declarationName) {
    boolean high = row.progress().needed().contains(VerificationStep.THREE_DATA_POINTS);
    if (high && (declarationName == null || declarationName.isBlank())) {
      throw new InvalidInputException(
          "this request needs the declaration under penalty of perjury, signed with your name",
          List.of(new FieldProblem("declaration", "required for this request")));
    }
    Map<UUID, Integer> matches = context.vault.matchDataPoints(MATCHER, identities);
    int required = high ? 3 : 2;
    var best = matches.entrySet().stream().max(Map.Entry.comparingByValue());
    // Two subjects that match as well as each other: the points do not say which one it is.
    boolean tied =
        best.isPresent()
            && matches.values().stream()
                    .filter(count -> count.equals(best.get().getValue()))
                    .count()
                > 1;
    Principal requester = Verifications.REQUESTER;
    if (high) {
      workflow.note(handle, row, requester, "declaration_signed", null, declarationName);
    }
    if (best.isEmpty() || best.get().getValue() < required || tied) {
      return closing.deny(handle, row, requester, "unverifiable", null, null);
    }
    UUID subject = best.get().getKey();
    RequestRow linked = row.change(edit -> edit.subjectId = subject);
    RequestRows.update(handle, linked);
    VerificationStep step =
        high ? VerificationStep.THREE_DATA_POINTS : VerificationStep.TWO_DATA_POINTS;
    return verifications.stepDone(handle, linked, step, workflow.now(), requester);
  }

  private static List<Identity> parse(List<Point> points) {
    List<FieldProblem> problems = new ArrayList<>();
    List<Identity> identities = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    List<Point> given = points == null ? List.of() : points;
    for (int i = 0; i < given.size(); i++) {
      Point point = given.get(i);
      String field = "dataPoints[" + i + "]";
      if (point == null || !TYPES.contains(point.type()) || point.value() == null) {
        problems.add(new FieldProblem(field, "a type among " + TYPES + " and a value"));
      } else if (!seen.add(point.type())) {
        problems.add(new FieldProblem(field, "each type counts once"));
      } else {
        identities.add(new Identity(IdentityType.of(point.type()), point.value()));
      }
    }
    if (given.size() < 2) {
      problems.add(new FieldProblem("dataPoints", "give at least two"));
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException("the data points cannot be used as given", problems);
    }
    return identities;
  }
}
