package dev.steward.fulfilment;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.kagkarlsson.scheduler.task.FailureHandler.ExponentialBackoffFailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dev.steward.access.Principal;
import dev.steward.error.ConflictException;
import dev.steward.policy.Policy;
import dev.steward.policy.PublishedPolicies;
import dev.steward.policy.RequestType;
import dev.steward.request.Requests;
import dev.steward.web.Json;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * Ends a request whose tasks are all done, as one db-scheduler task per request: builds the access
 * or portability package, sends it on when asked, notifies recipients (Art. 19), and completes the
 * request through the workflow with the completion letter, listing what an exemption kept.
 */
final class Finisher {
  private static final Principal ACTOR = new Principal.System("fulfilment");

  private final Jdbi jdbi;
  private final Requests requests;
  private final PublishedPolicies policies;
  private final Sealing sealing;
  private final PackageContent content;
  private final AccessPackages packages;
  private final Transmissions transmissions;
  private final RecipientNotices notices;
  private final InstructionRows instructions;
  private final String publicUrl;
  private final Clock clock;
  private final OneTimeTask<Void> task;

  Finisher(
      Jdbi jdbi,
      Requests requests,
      PublishedPolicies policies,
      Sealing sealing,
      PackageContent content,
      AccessPackages packages,
      Transmissions transmissions,
      RecipientNotices notices,
      InstructionRows instructions,
      String publicUrl,
      Duration firstRetry,
      Clock clock) {
    this.jdbi = jdbi;
    this.requests = requests;
    this.policies = policies;
    this.sealing = sealing;
    this.content = content;
    this.packages = packages;
    this.transmissions = transmissions;
    this.notices = notices;
    this.instructions = instructions;
    this.publicUrl = publicUrl;
    this.clock = clock;
    this.task =
        Tasks.oneTime(Planning.FINISH_NAME)
            .onFailure(new ExponentialBackoffFailureHandler<>(firstRetry, 2.0))
            .execute((instance, context) -> finish(UUID.fromString(instance.getId())));
  }

  OneTimeTask<Void> task() {
    return task;
  }

  void finish(UUID requestId) {
    Plan plan = jdbi.withHandle(h -> TaskRows.plan(h, requestId)).orElseThrow();
    List<JsonNode> evidence = new ArrayList<>();
    jdbi.withHandle(h -> TaskRows.ofRequest(h, requestId))
        .forEach(
            t ->
                evidence.add(
                    read(jdbi.withHandle(h -> TaskRows.evidence(h, t.id())).orElse("{}"))));
    StringBuilder message = new StringBuilder();
    RequestType type = plan.type();
    if (type == RequestType.ACCESS
        || type == RequestType.KNOW
        || type == RequestType.KNOW_SPECIFIC
        || type == RequestType.PORTABILITY) {
      message.append(deliver(plan));
    }
    List<String> kept = new ArrayList<>();
    List<String> outOfScope = new ArrayList<>();
    List<String> recipients = new ArrayList<>();
    Policy policy = policies.current().policy();
    for (JsonNode node : evidence) {
      node.path("outOfScope")
          .forEach(
              o ->
                  outOfScope.add(
                      o.path("category").asText()
                          + " ("
                          + o.path("id").asText()
                          + "): from "
                          + sourceName(policy, o.path("source").asText())));
      node.path("kept")
          .forEach(
              k ->
                  kept.add(
                      k.path("category").asText()
                          + " ("
                          + k.path("id").asText()
                          + "): kept under exemption "
                          + k.path("exemption").asText()
                          + " until "
                          + k.path("until").asText()));
      node.path("recipients").forEach(r -> recipients.add(r.asText()));
    }
    if (!kept.isEmpty()) {
      message.append("Kept under an exemption:\n- ").append(String.join("\n- ", kept)).append('\n');
    }
    if (!outOfScope.isEmpty()) {
      // Cal. Civ. Code §1798.105(a): the deletion right covers what was collected from the
      // consumer.
      message
          .append("Not covered by a deletion request, because we did not collect it from you:\n- ")
          .append(String.join("\n- ", outOfScope))
          .append('\n');
    }
    String operation =
        switch (type) {
          case ERASURE, DELETE, PARENTAL_DELETION -> "erase";
          case RECTIFICATION, CORRECT -> "rectifie";
          case RESTRICTION -> "restricte";
          default -> null;
        };
    int told = operation == null ? 0 : notices.notify(requestId, operation, recipients);
    String summary = Json.mapper().valueToTree(evidence).toString() + " art19_notified=" + told;
    try {
      requests.complete(
          ACTOR, requestId, summary, message.toString().strip(), askReplacement(policy, plan));
    } catch (ConflictException alreadyClosed) {
      // Staff completed or closed it meanwhile, or a replay after a crash: nothing more to do.
    }
    jdbi.useTransaction(h -> TaskRows.markFinished(h, requestId, clock.instant()));
  }

  private String deliver(Plan plan) {
    Policy policy = policies.current().policy();
    List<DataItem> items = new ArrayList<>();
    jdbi.withHandle(h -> TaskRows.sealedResults(h, plan.requestId()))
        .forEach(
            (system, ciphertext) ->
                items.addAll(
                    sealing.openJson(
                        plan.requestId(),
                        "items:" + system,
                        ciphertext,
                        new TypeReference<List<DataItem>>() {})));
    boolean portability = plan.type() == RequestType.PORTABILITY;
    byte[] zip = PackageZip.write(content.build(plan, policy, items, portability, clock.instant()));
    String link = publicUrl + packages.store(plan, zip);
    String text = "Your data: " + link + "\n";
    String endpoint = instructions.get(plan.requestId()).portabilityEndpoint();
    if (portability && endpoint != null) {
      text +=
          "Sent to the receiving controller: "
              + transmissions.send(plan.requestId(), endpoint, zip)
              + "\n";
    }
    return text;
  }

  /**
   * The erased person was an organisation's contact and the policy lets the letter ask for another
   * ({@code replacement_contact} on the subject type).
   */
  private static boolean askReplacement(Policy policy, Plan plan) {
    boolean erased =
        plan.type() == RequestType.ERASURE
            || plan.type() == RequestType.DELETE
            || plan.type() == RequestType.PARENTAL_DELETION;
    return erased
        && plan.subjectType() != null
        && policy.subjectTypes().stream()
            .anyMatch(t -> t.id().equals(plan.subjectType()) && t.replacementContact());
  }

  private static String sourceName(Policy policy, String source) {
    return policy.sources().stream()
        .filter(s -> s.id().equals(source))
        .map(s -> s.name())
        .findFirst()
        .orElse(source);
  }

  private static JsonNode read(String json) {
    try {
      return Json.mapper().readTree(json);
    } catch (IOException e) {
      throw new IllegalStateException("unreadable evidence", e);
    }
  }
}
