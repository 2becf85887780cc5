package dev.steward.decision;

import com.fasterxml.jackson.databind.JsonNode;
import dev.steward.principal.Permission;
import dev.steward.principal.Principal;
import dev.steward.web.Access;
import dev.steward.web.ApiRoute;
import dev.steward.web.Json;
import dev.steward.web.RouteRegistry;
import io.javalin.http.Context;
import java.util.List;

/**
 * {@code POST /api/v1/decisions}: one decision for a JSON object, or up to {@value
 * DecisionInput#MAX_BATCH} for {@code {"decisions": [...]}}, in order. Needs {@code decision:read}
 * like other machine routes. Thin: parse, check against the policy, call the service, render.
 */
public final class DecisionRoutes {
  private final Decisions decisions;
  private final DecisionInput input;

  public DecisionRoutes(Decisions decisions, DecisionInput input) {
    this.decisions = decisions;
    this.input = input;
  }

  /** The answer to a batch, in the order asked. */
  public record Batch(List<Decision> decisions) {}

  public void addTo(RouteRegistry routes) {
    routes.add(
        ApiRoute.post("/api/v1/decisions")
            .access(Access.requires(Permission.DECISION_READ))
            .tag("decisions")
            .summary(
                "May a system use a person's data of some categories for a purpose now? One"
                    + " question, or {\"decisions\": [...]} for a batch; allow or deny, the reason"
                    + " code and the policy version")
            .request(DecisionInput.Question.class)
            .response(Decision.class)
            .handle(this::decide));
  }

  private void decide(Context ctx, Principal caller) {
    JsonNode body = Json.readTree(ctx.bodyAsBytes());
    if (body.isObject() && body.has("decisions")) {
      DecisionInput.Questions batch = Json.convert(body, DecisionInput.Questions.class);
      ctx.json(new Batch(decisions.decideAll(caller, input.checkAll(batch))));
    } else {
      DecisionInput.Question question = Json.convert(body, DecisionInput.Question.class);
      ctx.json(decisions.decide(caller, input.check(question)));
    }
  }
}
