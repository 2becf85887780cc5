package dev.steward.request;

import com.google.crypto.tink.Aead;
import dev.steward.consent.OptOutKind;
import dev.steward.consent.OptOuts;
import dev.steward.consent.Party;
import dev.steward.error.InvalidInputException;
import dev.steward.error.InvalidInputException.FieldProblem;
import dev.steward.policy.PublishedPolicy;
import dev.steward.policy.RequestType;
import dev.steward.principal.Principal;
import dev.steward.request.Letters.Kind;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Takes a request in: checks it, links it to an open duplicate or stores it with its clocks, starts
 * its verification, and writes its letters, all in one transaction. The answer is a reference
 * number only, the same whether the person is known or not.
 */
final class Intake {
  private static final String ALPHABET = "ABCDEFGHJKMNPQRSTVWXYZ23456789";
  // A received time may run ahead of this node's clock by a little: another node's clock.
  private static final Duration CLOCK_SKEW = Duration.ofMinutes(2);

  private final RequestContext context;
  private final Workflow workflow;
  private final Correspondence letters;
  private final Verifications verifications;
  private final SecureRandom random = new SecureRandom();

  /**
   * Types carried out without staff once taken in, when the policy asks no verification for them:
   * the CCPA opt-outs, and a withdrawal of consent (GDPR Art. 7(3): as easy as giving it; without
   * staff instructions naming purposes it withdraws every consent the person gave).
   */
  private static final java.util.Set<RequestType> SELF_EXECUTING =
      EnumSet.of(
          RequestType.OPT_OUT_SALE_SHARING,
          RequestType.LIMIT_SENSITIVE,
          RequestType.WITHDRAW_CONSENT);

  Intake(
      RequestContext context,
      Workflow workflow,
      Correspondence letters,
      Verifications verifications) {
    this.context = context;
    this.workflow = workflow;
    this.letters = letters;
    this.verifications = verifications;
  }

  String submit(Principal actor, Submission submission) {
    return submit(actor, submission, null);
  }

  /**
   * Takes a request in; with {@code vouched} the sender has verified the person already, so the
   * request is verified at once, nothing is sent to the person, and it records the sender's channel
   * and method.
   */
  String submit(Principal actor, Submission submission, Vouched vouched) {
    return submit(actor, submission, vouched, false);
  }

  /**
   * As {@link #submit(Principal, Submission, Vouched)}; with {@code gpc} the call carried {@code
   * Sec-GPC: 1}, an opt-out of sale/sharing for the identities it gives (11 CCR 7025).
   */
  String submit(Principal actor, Submission submission, Vouched vouched, boolean gpc) {
    PublishedPolicy policy = context.policies.current();
    CheckedSubmission checked = CheckedSubmission.of(policy.policy(), context.index, submission);
    if (vouched != null) {
      checked = checked.vouched();
    }
    Instant now = context.clock.instant();
    Instant received = submission.receivedAt() == null ? now : submission.receivedAt();
    if (received.isAfter(now.plus(CLOCK_SKEW))) {
      throw new InvalidInputException(
          "receivedAt is in the future",
          List.of(new FieldProblem("receivedAt", "must not be later than now")));
    }
    UUID id = UUID.randomUUID();
    String reference = reference();
    // The keyring is its own database: the key exists before the request, never the reverse.
    Aead key = context.keyring.createRequestKey(id);
    boolean linked;
    try {
      linked = store(actor, submission, checked, vouched, gpc, id, reference, key, received, now);
    } catch (RuntimeException e) {
      context.keyring.destroyRequestKey(id);
      throw e;
    }
    if (linked) {
      context.keyring.destroyRequestKey(id);
    }
    return reference;
  }

  /** Stores the request, or links it to an open duplicate (then true). */
  private boolean store(
      Principal actor,
      Submission submission,
      CheckedSubmission checked,
      Vouched vouched,
      boolean gpc,
      UUID id,
      String reference,
      Aead key,
      Instant received,
      Instant now) {
    return context.jdbi.inTransaction(
        handle -> {
          if (gpc) {
            honourGpc(handle, actor, checked, id);
          }
          Optional<UUID> duplicate =
              CaseRows.openDuplicate(handle, checked.contactHash(), checked.type().name());
          if (duplicate.isPresent()) {
            link(handle, actor, duplicate.get(), reference, channel(submission, vouched), received);
            return true;
          }
          RequestRow row =
              new RequestRow(
                  id,
                  reference,
                  checked.type(),
                  submission.document(),
                  checked.residence().code(),
                  checked.language(),
                  channel(submission, vouched),
                  Sealed.sealContact(key, id, checked.contact()),
                  checked.contact().letterAddress() != null,
                  Caseload.submitter(actor)[0],
                  Caseload.submitter(actor)[1],
                  received,
                  now,
                  checked.level(),
                  new Progress(
                      RequestState.RECEIVED,
                      null,
                      checked.needed(),
                      EnumSet.noneOf(VerificationStep.class),
                      null,
                      null,
                      null,
                      null,
                      null,
                      null,
                      null,
                      false,
                      null,
                      null,
                      null,
                      null,
                      null,
                      null,
                      null));
          RequestRows.insert(handle, row);
          CaseRows.insertIdentities(handle, id, checked.hashes(), checked.contactHash());
          if (vouched != null) {
            // The sender verified the person: it vouches for every identity it gave.
            CaseRows.prove(handle, id, null, "staff");
          }
          workflow.note(handle, row, actor, "received", row.channel(), null);
          if (received.isBefore(now.minus(CLOCK_SKEW))) {
            context.audit.record(
                handle,
                actor,
                "request.backdated",
                "request",
                id.toString(),
                "ok",
                "received=" + received + " logged=" + now);
          }
          row = workflow.reclock(handle, row, checked.applicable().granted(), false);
          boolean noSteps = checked.needed().isEmpty();
          row =
              workflow.move(
                  handle,
                  row,
                  noSteps ? RequestState.VERIFIED : RequestState.AWAITING_VERIFICATION,
                  actor,
                  noSteps ? "verified" : "verification_requested",
                  !noSteps
                      ? null
                      : vouched != null
                          ? vouched.method()
                          : checked.level().name().toLowerCase(java.util.Locale.ROOT),
                  null);
          if (noSteps) {
            Instant verifiedAt = now;
            row = row.change(edit -> edit.verifiedAt = verifiedAt);
            RequestRows.update(handle, row);
          }
          if (vouched != null) {
            // The sender confirms receipt to the person; the answer it gets is the confirmation.
            row = row.change(edit -> edit.confirmedAt = now);
            RequestRows.update(handle, row);
          } else if (submission.acknowledge()) {
            acknowledge(handle, row);
          }
          if (vouched == null) {
            verifications.begin(handle, row);
          }
          if (row.type() == RequestType.OBJECTION && (noSteps || marketingUnverified(checked))) {
            // GDPR Art. 21(2)-(3): an objection stops direct marketing at once, absolutely and
            // without grounds, even where the policy wants other objections verified; what else it
            // covers, staff decide when they start it.
            optOut(handle, actor, checked, OptOutKind.DIRECT_MARKETING, OptOuts.Source.REQUEST, id);
          }
          if (noSteps && SELF_EXECUTING.contains(row.type())) {
            // 11 CCR 7026(f), 7027: an opt-out needs no verification and nothing from staff; it is
            // carried out at once and completes by itself (RULES.md, "Verification levels").
            // Read again: the acknowledgement above stored its time on the row.
            workflow.start(handle, RequestRows.lock(handle, row.id()), actor);
          }
          return false;
        });
  }

  /**
   * GPC: the browser that sent the request opts out of sale/sharing; the identities it gives, and
   * the subject they reach, are the profile linked to it (11 CCR 7025(c)(1)). Recorded even when
   * the request itself is later refused or linked to a duplicate, since the signal stands alone.
   */
  private void honourGpc(Handle handle, Principal actor, CheckedSubmission checked, UUID id) {
    optOut(handle, actor, checked, OptOutKind.SALE_SHARING, OptOuts.Source.GPC, id);
  }

  /** True when a granting law lets an objection to direct marketing go unverified. */
  private static boolean marketingUnverified(CheckedSubmission checked) {
    return checked.applicable().granted().stream()
        .anyMatch(
            granted ->
                granted
                    .right()
                    .directMarketing()
                    .map(m -> m.verification() == dev.steward.policy.Verification.NONE)
                    .orElse(false));
  }

  /** Records {@code kind} for the email and phone given and the subject they reach. */
  private void optOut(
      Handle handle,
      Principal actor,
      CheckedSubmission checked,
      OptOutKind kind,
      OptOuts.Source source,
      UUID id) {
    java.util.Set<Party> parties = new java.util.LinkedHashSet<>();
    // A name or an address identifies no one on its own: only email and phone are kept.
    List<String> hashes =
        checked.hashes().entrySet().stream()
            .filter(e -> e.getValue().equals("email") || e.getValue().equals("phone"))
            .map(Map.Entry::getKey)
            .toList();
    hashes.forEach(hash -> parties.add(Party.identity(hash)));
    context
        .vault
        .subjectReachedBy(handle, hashes)
        .ifPresent(subject -> parties.add(Party.subject(subject)));
    if (!parties.isEmpty()) {
      context.optOuts.optOut(handle, actor, parties, EnumSet.of(kind), source, "request:" + id);
    }
  }

  /** Sends the acknowledgement, which is also the CCPA receipt confirmation (11 CCR §7021(a)). */
  RequestRow acknowledge(Handle handle, RequestRow row) {
    // Letters go to the agent when one acts (CCPA, 11 CCR §7063): word them for the agent.
    boolean agent = workflow.contact(row).agentEmail() != null;
    String prefix = agent ? "agent.step." : "step.";
    String step =
        row.progress().needed().isEmpty()
            ? letters.name(row.language(), prefix + "none")
            : letters.steps(row, prefix);
    Kind kind = agent ? Kind.ACKNOWLEDGEMENT_AGENT : Kind.ACKNOWLEDGEMENT;
    if (!letters.send(handle, row, kind, Map.of("nextStep", step))) {
      return row;
    }
    Instant now = context.clock.instant();
    RequestRow confirmed = row.change(edit -> edit.confirmedAt = now);
    RequestRows.update(handle, confirmed);
    return confirmed;
  }

  private void link(
      Handle handle,
      Principal actor,
      UUID existingId,
      String reference,
      String channel,
      Instant received) {
    RequestRows.insertAlias(handle, reference, existingId, channel, received);
    RequestRow existing = RequestRows.lock(handle, existingId);
    workflow.note(handle, existing, actor, "duplicate_linked", reference, null);
    letters.send(
        handle,
        existing,
        Kind.DUPLICATE,
        Map.of("existing", existing.reference(), "reference", reference));
  }

  private static String channel(Submission submission, Vouched vouched) {
    return vouched != null ? vouched.channel() : submission.storedChannel();
  }

  /**
   * A sender that verified the person itself and takes responsibility for it, e.g. an OpenDSR
   * controller.
   *
   * @param channel stored as the request's channel, e.g. {@code opendsr}
   * @param method recorded as the verification code of the {@code verified} step
   */
  record Vouched(String channel, String method) {}

  private String reference() {
    StringBuilder reference = new StringBuilder("R-");
    for (int i = 0; i < 8; i++) {
      if (i == 4) {
        reference.append('-');
      }
      reference.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return reference.toString();
  }
}
