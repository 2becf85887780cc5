package dev.steward.fulfilment;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dev.steward.error.ConflictException;
import dev.steward.policy.Policy;
import dev.steward.policy.PublishedPolicies;
import dev.steward.policy.RequestType;
import dev.steward.principal.Principal;
import dev.steward.request.Requests;
import dev.steward.store.Backoff;
import dev.steward.web.Json;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
  private final java.util.function.Supplier<String> publicUrl;
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
      java.util.function.Supplier<String> publicUrl,
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
            .onFailure(new Backoff(firstRetry, TaskRunner.LONGEST_WAIT).<Void>handler())
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
    Policy policy = policies.current().policy();
    CompletionNote note = new CompletionNote(evidence, policy, plan.language());
    note.appendTo(message);
    String operation =
        switch (type) {
          case ERASURE, DELETE, PARENTAL_DELETION -> "erase";
          case RECTIFICATION, CORRECT -> "rectifie";
          case RESTRICTION -> "restricte";
          default -> null;
        };
    int told = operation == null ? 0 : notices.notify(requestId, operation, note.recipients());
    String summary = Json.mapper().valueToTree(evidence).toString() + " art19_notified=" + told;
    try {
      requests.complete(
          ACTOR,
          requestId,
          summary,
          message.toString().strip(),
          CompletionNote.asksReplacement(policy, plan));
    } catch (ConflictException alreadyClosed) {
      // Staff completed or closed it meanwhile, or a replay after a crash: nothing more to do.
    }
    jdbi.useTransaction(h -> TaskRows.markFinished(h, requestId, clock.instant()));
  }

  private String deliver(Plan plan) {
    Map<String, String> words = PackageZip.words(plan.language());
    if (jdbi.withHandle(h -> TaskRows.subjectErased(h, plan.requestId())).isPresent()) {
      // GDPR Art. 17: the person was erased while this request was carried out, and what was read
      // for it went too (ErasedCopies): there is nothing left to send.
      return words.get("letter.erased") + "\n";
    }
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
    String link = publicUrl.get() + packages.store(plan, zip);
    String text = words.get("letter.yourData").formatted(link) + "\n";
    String endpoint = instructions.get(plan.requestId()).portabilityEndpoint();
    if (portability && endpoint != null) {
      text +=
          words.get("letter.sentTo").formatted(transmissions.send(plan.requestId(), endpoint, zip))
              + "\n";
    }
    return text;
  }

  private static JsonNode read(String json) {
    try {
      return Json.mapper().readTree(json);
    } catch (IOException e) {
      throw new IllegalStateException("unreadable evidence", e);
    }
  }
}
