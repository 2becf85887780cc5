package dev.steward.decision;

import dev.steward.audit.AuditLog;
import dev.steward.consent.ConsentStates;
import dev.steward.policy.PublishedPolicies;
import dev.steward.principal.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The decision service (PRODUCT.md C10): "may system S use this person's data of categories C for
 * purpose P now?", answered from the policy in force, the party's state (the consent ledger,
 * opt-outs, objections, restrictions, erasure, age) and RULES.md's order of checks. The state comes
 * from memory ({@link ConsentStates}); every answer is audited ({@link DecisionAudit}).
 * Thread-safe; one per node. {@link #close} writes the last counts.
 */
public final class Decisions implements AutoCloseable {
  private final PolicyIndex.Current policies;
  private final ConsentStates states;
  private final DecisionAudit audit;
  private final Clock clock;

  public Decisions(PublishedPolicies policies, ConsentStates states, AuditLog audit, Clock clock) {
    this.policies = new PolicyIndex.Current(policies);
    this.states = states;
    this.audit = new DecisionAudit(audit, clock);
    this.clock = clock;
  }

  /** One decision, audited. */
  public Decision decide(Principal actor, DecisionQuery query) {
    PolicyIndex policy = policies.get();
    Instant now = clock.instant();
    Decision decision = DecisionRules.decide(policy, states.state(query.party()), query, now);
    audit.record(actor, query, decision, now);
    return decision;
  }

  /** Decisions in the order asked, under one policy version, audited as one batch. */
  public List<Decision> decideAll(Principal actor, List<DecisionQuery> queries) {
    PolicyIndex policy = policies.get();
    Instant now = clock.instant();
    List<Decision> decisions = new ArrayList<>(queries.size());
    for (DecisionQuery query : queries) {
      decisions.add(DecisionRules.decide(policy, states.state(query.party()), query, now));
    }
    audit.record(actor, queries, decisions, now);
    return decisions;
  }

  /** Writes the counts of the minutes that ended now, rather than at the next flush. */
  public void flushCounts() {
    audit.flush(true);
  }

  @Override
  public void close() {
    audit.close();
  }
}
