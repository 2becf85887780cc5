package dev.steward.decision;

import dev.steward.consent.Party;
import dev.steward.consent.Subscriptions;
import dev.steward.error.InvalidInputException;
import dev.steward.error.InvalidInputException.FieldProblem;
import dev.steward.policy.Policy;
import dev.steward.policy.PublishedPolicies;
import dev.steward.vault.Identity;
import dev.steward.vault.IdentityIndex;
import dev.steward.vault.IdentityType;
import dev.steward.web.OptionalField;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Turns what a caller sent into questions for the service, finding every problem at once: a system,
 * purpose or category the policy in force does not name is a 422 that names it (a typing mistake
 * must not read as a "deny"), and a question names exactly one of a subject, an identity or a
 * device. Identities are hashed here and never kept. Thread-safe.
 */
public final class DecisionInput {
  static final int MAX_BATCH = 1000;
  private static final Set<IdentityType> IDENTITIES =
      Set.of(IdentityType.EMAIL, IdentityType.PHONE);

  private final PublishedPolicies policies;
  private final IdentityIndex index;

  public DecisionInput(PublishedPolicies policies, IdentityIndex index) {
    this.policies = policies;
    this.index = index;
  }

  /** One question as sent. */
  public record Question(
      String system,
      @OptionalField String subject,
      @OptionalField IdentityBody identity,
      @OptionalField String device,
      String purpose,
      List<String> categories,
      @OptionalField String channel,
      @OptionalField String topic,
      @OptionalField ContextBody context) {}

  /** A batch as sent. */
  public record Questions(List<Question> decisions) {}

  /** An email address or phone number; hashed, never stored. */
  public record IdentityBody(String type, String value) {}

  /** What the use is, and the dates retention counts from; all optional. */
  public record ContextBody(
      @OptionalField String activity,
      @OptionalField Integer age,
      @OptionalField Instant collectedAt,
      @OptionalField Instant relationshipEndedAt,
      @OptionalField String ageBand,
      @OptionalField String jurisdiction,
      @OptionalField String country) {
    public ContextBody(
        String activity, Integer age, Instant collectedAt, Instant relationshipEndedAt) {
      this(activity, age, collectedAt, relationshipEndedAt, null, null, null);
    }
  }

  DecisionQuery check(Question question) {
    List<FieldProblem> problems = new ArrayList<>();
    DecisionQuery query = check(question, "", policies.current().policy(), problems);
    throwIfAny(problems);
    return query;
  }

  List<DecisionQuery> checkAll(Questions batch) {
    List<FieldProblem> problems = new ArrayList<>();
    if (batch.decisions() == null || batch.decisions().isEmpty()) {
      throw new InvalidInputException(
          "a batch needs at least one question", List.of(new FieldProblem("decisions", "empty")));
    }
    if (batch.decisions().size() > MAX_BATCH) {
      throw new InvalidInputException(
          "a batch holds at most " + MAX_BATCH + " questions",
          List.of(new FieldProblem("decisions", "more than " + MAX_BATCH)));
    }
    Policy policy = policies.current().policy();
    List<DecisionQuery> queries = new ArrayList<>();
    for (int i = 0; i < batch.decisions().size(); i++) {
      Question question = batch.decisions().get(i);
      if (question == null) {
        problems.add(new FieldProblem("decisions[" + i + "]", "required"));
        continue;
      }
      queries.add(check(question, "decisions[" + i + "].", policy, problems));
    }
    throwIfAny(problems);
    return queries;
  }

  private DecisionQuery check(Question q, String at, Policy policy, List<FieldProblem> problems) {
    if (q.system() == null || policy.systems().stream().noneMatch(s -> s.id().equals(q.system()))) {
      problems.add(new FieldProblem(at + "system", unknown("system", q.system())));
    }
    if (q.purpose() == null || policy.purpose(q.purpose()).isEmpty()) {
      problems.add(new FieldProblem(at + "purpose", unknown("purpose", q.purpose())));
    }
    List<String> categories = q.categories() == null ? List.of() : q.categories();
    if (categories.isEmpty()) {
      problems.add(new FieldProblem(at + "categories", "name at least one category"));
    }
    for (int i = 0; i < categories.size(); i++) {
      String category = categories.get(i);
      if (category == null || policy.category(category).isEmpty()) {
        problems.add(new FieldProblem(at + "categories[" + i + "]", unknown("category", category)));
      }
    }
    if (q.channel() != null && Subscriptions.Channel.of(q.channel()) == null) {
      problems.add(new FieldProblem(at + "channel", "one of email, phone, post"));
    }
    if (q.topic() != null) {
      if (q.channel() == null) {
        problems.add(new FieldProblem(at + "topic", "a topic needs the message's channel"));
      }
      if (q.purpose() != null
          && policy.purpose(q.purpose()).flatMap(p -> p.topic(q.topic())).isEmpty()) {
        problems.add(
            new FieldProblem(
                at + "topic", unknown("topic of purpose " + printable(q.purpose()), q.topic())));
      }
    }
    Party party = party(q, at, problems);
    DecisionContext context = context(q.context(), at, policy, problems);
    if (party == null || !problems.isEmpty()) {
      return null;
    }
    return new DecisionQuery(
        q.system(), party, q.purpose(), categories, q.channel(), q.topic(), context);
  }

  private Party party(Question q, String at, List<FieldProblem> problems) {
    int given =
        (q.subject() == null ? 0 : 1)
            + (q.identity() == null ? 0 : 1)
            + (q.device() == null ? 0 : 1);
    if (given != 1) {
      problems.add(
          new FieldProblem(at + "subject", "name exactly one of subject, identity or device"));
      return null;
    }
    if (q.subject() != null) {
      try {
        return Party.subject(UUID.fromString(q.subject()));
      } catch (IllegalArgumentException e) {
        problems.add(new FieldProblem(at + "subject", "not a subject id"));
        return null;
      }
    }
    if (q.device() != null) {
      if (!Party.isDeviceId(q.device())) {
        problems.add(new FieldProblem(at + "device", "not a device id"));
        return null;
      }
      return new Party(Party.Kind.DEVICE, q.device());
    }
    IdentityType type =
        IDENTITIES.stream()
            .filter(t -> t.id().equals(q.identity().type()))
            .findFirst()
            .orElse(null);
    if (type == null || q.identity().value() == null) {
      problems.add(new FieldProblem(at + "identity", "an email or phone with its value"));
      return null;
    }
    try {
      return Party.identity(index.hash(new Identity(type, q.identity().value())));
    } catch (InvalidInputException e) {
      problems.add(new FieldProblem(at + "identity.value", "not a valid " + type.id()));
      return null;
    }
  }

  private static DecisionContext context(
      ContextBody body, String at, dev.steward.policy.Policy policy, List<FieldProblem> problems) {
    if (body == null) {
      return DecisionContext.NONE;
    }
    DecisionContext.Activity activity = DecisionContext.Activity.USE;
    if (body.activity() != null) {
      try {
        activity = DecisionContext.Activity.valueOf(body.activity().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        problems.add(
            new FieldProblem(
                at + "context.activity",
                "one of use, storage, deletion, legal_claims, protection_of_others,"
                    + " public_interest"));
      }
    }
    if (body.age() != null && (body.age() < 0 || body.age() > 150)) {
      problems.add(new FieldProblem(at + "context.age", "an age in years"));
    }
    DecisionContext.AgeBand band = null;
    if (body.ageBand() != null) {
      band = DecisionContext.AgeBand.parse(body.ageBand()).orElse(null);
      if (band == null) {
        problems.add(new FieldProblem(at + "context.ageBand", "an age band such as 13-15 or 16+"));
      }
    }
    if (body.jurisdiction() != null
        && policy.jurisdictions().stream().noneMatch(j -> j.id().equals(body.jurisdiction()))) {
      problems.add(
          new FieldProblem(
              at + "context.jurisdiction", unknown("jurisdiction", body.jurisdiction())));
    }
    if (body.country() != null && !body.country().matches("[A-Z]{2}")) {
      problems.add(new FieldProblem(at + "context.country", "an ISO 3166-1 alpha-2 code, e.g. FR"));
    }
    return new DecisionContext(
        activity,
        body.age(),
        body.collectedAt(),
        body.relationshipEndedAt(),
        band,
        body.jurisdiction(),
        body.country());
  }

  private static String unknown(String what, String id) {
    return id == null
        ? "required"
        : "the policy in force declares no " + what + " '" + printable(id) + "'";
  }

  /** Echoes an id only when it looks like one: the message never carries arbitrary input. */
  private static String printable(String id) {
    return id.matches("[A-Za-z0-9._:-]{1,64}") ? id : "(not an id)";
  }

  private static void throwIfAny(List<FieldProblem> problems) {
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems.get(0).message(), problems);
    }
  }
}
