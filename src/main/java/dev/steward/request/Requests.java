package dev.steward.request;

import dev.steward.audit.AuditTrail;
import dev.steward.consent.OptOuts;
import dev.steward.error.ConflictException;
import dev.steward.mail.Outbox;
import dev.steward.policy.Channel;
import dev.steward.policy.PublishedPolicies;
import dev.steward.principal.Principal;
import dev.steward.store.Database;
import dev.steward.vault.ErasedSubject;
import dev.steward.vault.IdentityIndex;
import dev.steward.vault.Keyring;
import dev.steward.vault.Vault;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Rights requests from intake to their end: checked against the policy in force, clocked per
 * jurisdiction, verified as the policy's rights ask, worked by staff, answered by letter through
 * the outbox. Every change runs in one transaction with its event, audit entry and letters.
 * Stateless apart from its collaborators; thread-safe; one per node.
 */
public final class Requests {
  private final RequestContext context;
  private final Intake intake;
  private final Verifications verifications;
  private final DataPoints dataPoints;
  private final Documents documents;
  private final CaseWork work;
  private final FeeReceipts fees;
  private final Closing closing;
  private final CaseView view;
  private final RequestQueue queue;
  private final ReceiptConfirmations confirmations;
  private final ClockGaps clockGaps;
  private final ErasedRequests erased;

  /**
   * @param listener told of every state change, inside its transaction
   * @param publicUrl where people reach the privacy center, for the links of letters
   */
  public Requests(
      Database store,
      PublishedPolicies policies,
      Keyring keyring,
      IdentityIndex index,
      Vault vault,
      Outbox outbox,
      AuditTrail audit,
      SmsSender sms,
      FulfilmentPlanner planner,
      RequestListener listener,
      OptOuts optOuts,
      dev.steward.web.PublicUrl publicUrl,
      Clock clock) {
    this.context =
        new RequestContext(
            store.jdbi(),
            policies,
            keyring,
            index,
            vault,
            outbox,
            audit,
            sms,
            planner,
            listener,
            optOuts,
            publicUrl,
            clock);
    Workflow workflow = new Workflow(context);
    Correspondence letters = new Correspondence(context, workflow);
    this.verifications = new Verifications(context, workflow, letters);
    this.closing = new Closing(context, workflow, letters);
    this.intake = new Intake(context, workflow, letters, verifications);
    this.dataPoints = new DataPoints(context, workflow, verifications, closing);
    this.documents = new Documents(context, workflow, verifications);
    this.work = new CaseWork(context, workflow, verifications, letters);
    this.fees = new FeeReceipts(work, workflow);
    this.view = new CaseView(context, workflow);
    this.queue = new RequestQueue(store, clock);
    this.confirmations = new ReceiptConfirmations(context, intake);
    this.clockGaps = new ClockGaps(context, workflow);
    this.erased = new ErasedRequests(context, workflow);
  }

  /**
   * Sends the CCPA receipt confirmations not sent at intake; run by a recurring job. Returns how
   * many were sent.
   */
  public int confirmReceipts() {
    return confirmations.run();
  }

  /**
   * Counts the clocks left uncounted for want of a calendar year, now that the policy in force may
   * cover it; answers how many requests got all their clocks.
   */
  public int recountClockGaps() {
    return clockGaps.recount();
  }

  /**
   * Completes a request in progress or awaiting systems, with the evidence of what was done and an
   * optional message to the requester; fulfilment calls this when its tasks are finished.
   */
  public RequestSummary complete(Principal actor, UUID id, String evidence, String message) {
    return complete(actor, id, evidence, message, false);
  }

  /**
   * As {@link #complete(Principal, UUID, String, String)}; with {@code askReplacementContact} the
   * letter asks the organisation whose contact the person was to name someone else to deal with.
   */
  public RequestSummary complete(
      Principal actor, UUID id, String evidence, String message, boolean askReplacementContact) {
    return summary(
        work.on(
            actor,
            id,
            (handle, row) ->
                closing.complete(handle, row, actor, evidence, message, askReplacementContact)));
  }

  /**
   * Takes in a request its sender has verified (see {@link VouchedRequest}); checked like any
   * other. Answers the request it created, or the open duplicate it was linked to.
   */
  public RequestSummary submitVouched(Principal sender, VouchedRequest request) {
    Submission submission =
        new Submission(
            request.type(),
            request.residence(),
            request.email(),
            request.phone(),
            null,
            null,
            null,
            null,
            null,
            Channel.WEB_FORM,
            request.receivedAt(),
            false,
            null);
    String reference =
        intake.submit(sender, submission, new Intake.Vouched(request.channel(), request.method()));
    return context.jdbi.withHandle(
        handle ->
            summary(
                RequestRows.find(handle, RequestRows.byReference(handle, reference).orElseThrow())
                    .orElseThrow()));
  }

  /** A request as {@code caller} may see it: one it sent, for a client account; ids only. */
  public RequestSummary summary(Principal caller, UUID id) {
    return context.jdbi.inTransaction(handle -> summary(Caseload.lockFor(handle, caller, id)));
  }

  /**
   * Withdraws a request for its sender while work on it has not started (received, awaiting
   * verification or verified); a conflict afterwards.
   */
  public RequestSummary withdrawBeforeWork(Principal sender, UUID id, String note) {
    return summary(
        work.on(
            sender,
            id,
            (handle, row) -> {
              if (!row.state().isBeforeWork()) {
                throw new ConflictException(
                    "a request that is " + row.state().id() + " can no longer be withdrawn");
              }
              return closing.withdraw(handle, row, sender, note);
            }));
  }

  /**
   * The id a route was given, if it names a request in the caller's caseload; otherwise a {@link
   * dev.steward.error.NotFoundException}, as for an id that names nothing. See {@link
   * CaseloadGate}.
   */
  UUID inCaseload(Principal caller, String id) {
    UUID parsed = RequestApi.id(id);
    context.jdbi.useHandle(handle -> Caseload.find(handle, caller, parsed));
    return parsed;
  }

  /**
   * Erases what requests hold of a person the vault erased (GDPR Art. 17(1)): the documents of
   * every request of theirs, and the key of each closed one with its sealed contact details, free
   * text and notes; the erasure request the vault names keeps its own as evidence. The person's
   * requests are {@code planned} (those fulfilment planned for the subject) and those verified
   * against one of the subject's ids. Idempotent; answers how many requests had something erased.
   */
  public int eraseCopies(Principal actor, ErasedSubject subject, Set<UUID> planned) {
    return erased.erase(actor, subject, planned);
  }

  /**
   * A request as the caller may see it: contact details, free text and notes only for holders of
   * {@code request:contact-read}, the outline for others; audited as a read.
   */
  public RequestDetail detail(Principal caller, UUID id) {
    return view.read(caller, id);
  }

  /**
   * The requests of the person a subject session belongs to: those filed with the identity the
   * session proved (matched by its keyed hash). Audited as a read with the session as actor.
   */
  public List<RequestSummary> ofSubject(Principal.SubjectSession session) {
    List<RequestSummary> own = queue.ofIdentity(session.subjectRef());
    context.audit.record(
        session,
        "request.list-own",
        "subject-session",
        session.sessionId().toString(),
        "ok",
        "count=" + own.size());
    return own;
  }

  /**
   * The person's own requests with what each awaits from them and the letters written about it, for
   * the privacy center's status page. Letters are listed by kind and date only: their content is
   * not kept once sent.
   */
  public List<OwnRequest> statusOf(Principal.SubjectSession session) {
    Instant now = context.clock.instant();
    List<OwnRequest> own =
        queue.rowsOfIdentity(session.subjectRef()).stream()
            .map(
                row -> {
                  var p = row.progress();
                  List<String> awaited =
                      row.state() == RequestState.AWAITING_VERIFICATION
                          ? p.needed().stream()
                              .filter(step -> !p.done().contains(step))
                              .sorted()
                              .map(VerificationStep::id)
                              .toList()
                          : List.of();
                  List<OwnRequest.Letter> letters =
                      context.outbox.about("request", row.id().toString()).stream()
                          // The person's own letters; notices to recipients (Art. 19) are not
                          // theirs.
                          .filter(e -> e.kind().startsWith("letter."))
                          .map(e -> new OwnRequest.Letter(e.kind(), e.sentAt()))
                          .toList();
                  return new OwnRequest(RequestSummary.of(row, now), awaited, letters);
                })
            .toList();
    context.audit.record(
        session,
        "request.status-own",
        "subject-session",
        session.sessionId().toString(),
        "ok",
        "count=" + own.size());
    return own;
  }

  /**
   * A business customer asks for copies of its content to leave the network, with its account's
   * token (the API's {@code POST /api/v1/content-removals} and the privacy center's form).
   *
   * @throws ForbiddenException unless the caller is a client account allowed to file removals
   */
  /**
   * A business customer's content removal; {@code channel} is the web form when filed on the
   * privacy center's page, null when the customer's own system called the API.
   */
  public String submitContentRemoval(
      Principal caller,
      String email,
      String details,
      String language,
      dev.steward.policy.Channel channel) {
    if (!(caller instanceof Principal.Client client)
        || !caller.has(dev.steward.principal.Permission.CONTENT_REMOVAL_SUBMIT)) {
      throw new dev.steward.error.ForbiddenException(
          "content removal is filed with a business customer's token");
    }
    Submission submission =
        new Submission(
            "content_removal",
            "ZZ",
            email,
            null,
            details,
            language,
            null,
            null,
            null,
            channel,
            null,
            true,
            client.accountId().toString());
    return submit(caller, submission);
  }

  String submit(Principal actor, Submission submission) {
    return intake.submit(actor, submission);
  }

  /** A submission from the privacy center; {@code gpc} when it carried {@code Sec-GPC: 1}. */
  String submitPublic(Principal actor, Submission submission, boolean gpc) {
    return intake.submit(actor, submission, null, gpc);
  }

  void confirmCode(String reference, String code) {
    verifications.confirmCode(reference, code);
  }

  void resendCode(String reference) {
    verifications.resendCode(reference);
  }

  void submitDataPoints(
      String reference, String token, List<DataPoints.Point> points, String declaration) {
    dataPoints.submit(reference, token, points, declaration);
  }

  UUID upload(String reference, String token, String kind, String contentType, byte[] bytes) {
    return documents.upload(reference, token, kind, contentType, bytes);
  }

  /**
   * One uploaded document of a request, for a caller who may review it (the permission to work
   * requests, the request in their caseload); each reading is audited.
   */
  public OpenedDocument document(Principal actor, UUID id, UUID documentId) {
    return documents.open(actor, id, documentId);
  }

  public void review(Principal actor, UUID id, UUID documentId, boolean approved, String reason) {
    documents.review(actor, id, documentId, approved, reason);
  }

  public RequestSummary verify(Principal actor, UUID id, String method, Instant evidenceAt) {
    return summary(work.verify(actor, id, method, evidenceAt));
  }

  public RequestSummary start(Principal actor, UUID id) {
    return summary(work.start(actor, id));
  }

  public RequestSummary extend(Principal actor, UUID id, String reason) {
    return summary(work.extend(actor, id, reason));
  }

  public RequestSummary pause(Principal actor, UUID id, Instant askedAt) {
    return summary(work.pause(actor, id, askedAt));
  }

  public RequestSummary resume(Principal actor, UUID id, Instant answeredAt) {
    return summary(work.resume(actor, id, answeredAt));
  }

  public RequestSummary feeReceived(Principal actor, UUID id, Instant receivedAt) {
    return summary(fees.record(actor, id, receivedAt));
  }

  public RequestSummary deny(
      Principal actor, UUID id, String reason, String exemption, String note) {
    return summary(
        work.on(
            actor, id, (handle, row) -> closing.deny(handle, row, actor, reason, exemption, note)));
  }

  public RequestSummary withdraw(Principal actor, UUID id, String note) {
    return summary(work.on(actor, id, (handle, row) -> closing.withdraw(handle, row, actor, note)));
  }

  public RequestSummary assign(Principal actor, UUID id, UUID assignee) {
    return summary(work.assign(actor, id, assignee));
  }

  /**
   * The letter a step would send, for staff to read before they take it: {@code complete} (with
   * {@code message}), {@code deny} (with {@code reason}, {@code exemption}, {@code note}, checked
   * as the denial checks them) or {@code extend} (with {@code reason}). Nothing is stored; reading
   * the requester's address is audited like the case view.
   *
   * @return empty when the request has no address to write to
   */
  public java.util.Optional<dev.steward.mail.OutgoingMail> previewLetter(
      Principal caller, UUID id, String step, java.util.Map<String, String> form) {
    java.util.Optional<dev.steward.mail.OutgoingMail> letter =
        context.jdbi.withHandle(
            handle -> {
              RequestRow row = Caseload.find(handle, caller, id);
              return switch (step) {
                case "complete" -> closing.previewCompletion(handle, row, form.get("message"));
                case "deny" ->
                    closing.previewDenial(
                        handle, row, form.get("reason"), form.get("exemption"), form.get("note"));
                case "extend" -> work.previewExtension(handle, row, form.get("reason"));
                default ->
                    throw new dev.steward.error.NotFoundException("no letter for step " + step);
              };
            });
    context.audit.record(
        caller, "request.letter-previewed", "request", id.toString(), "ok", "step=" + step);
    return letter;
  }

  RequestQueue queue() {
    return queue;
  }

  CustomerContentAnswer customerContent() {
    return CustomerContentAnswer.from(context.policies.current().policy());
  }

  private RequestSummary summary(RequestRow row) {
    return RequestSummary.of(row, context.clock.instant());
  }
}
