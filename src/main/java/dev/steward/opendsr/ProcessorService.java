package dev.steward.opendsr;

import dev.steward.error.ConflictException;
import dev.steward.error.NotFoundException;
import dev.steward.opendsr.OpenDsrStore.Mapping;
import dev.steward.opendsr.OpenDsrWire.Created;
import dev.steward.opendsr.OpenDsrWire.Status;
import dev.steward.opendsr.OpenDsrWire.SubmitBody;
import dev.steward.principal.Principal;
import dev.steward.request.RequestSummary;
import dev.steward.request.Requests;
import dev.steward.request.VouchedRequest;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * The processor side of OpenDSR over the request service. The controller has verified the person
 * (OpenDSR 2.0 puts that duty on it), so its requests are taken in as vouched: verified at once by
 * {@code opendsr_controller}, with nothing sent to the person. Stateless; thread-safe.
 */
final class ProcessorService {
  static final String CHANNEL = "opendsr";
  static final String VERIFIED_BY = "opendsr_controller";
  private static final Principal SYSTEM = new Principal.System("opendsr");

  private final Jdbi jdbi;
  private final Requests requests;
  private final OpenDsrSettings settings;
  private final Clock clock;

  ProcessorService(Jdbi jdbi, Requests requests, OpenDsrSettings settings, Clock clock) {
    this.jdbi = jdbi;
    this.requests = requests;
    this.settings = settings;
    this.clock = clock;
  }

  /** A new request, or the answer already given to the same body under the same id. */
  Created submit(Principal.Client controller, byte[] raw, SubmitBody body) {
    SubmissionCheck.Checked checked = SubmissionCheck.check(body, settings.allowLoopbackHttp());
    String sha = sha256(raw);
    Mapping existing =
        jdbi.withHandle(
                handle ->
                    OpenDsrStore.find(handle, controller.accountId(), checked.subjectRequestId()))
            .orElse(null);
    if (existing != null) {
      if (!existing.bodySha256().equals(sha)) {
        throw new ConflictException(
            "subject_request_id " + checked.subjectRequestId() + " was sent with another body");
      }
      return created(existing, requests.summary(SYSTEM, existing.requestId()), raw);
    }
    boolean ccpa = checked.regulation().equals("ccpa");
    RequestSummary request =
        requests.submitVouched(
            controller,
            new VouchedRequest(
                stewardType(checked.type(), ccpa),
                ccpa ? settings.ccpaResidence() : settings.gdprResidence(),
                checked.email(),
                checked.phone(),
                CHANNEL,
                VERIFIED_BY,
                checked.submittedTime()));
    Mapping mapping =
        new Mapping(
            UUID.randomUUID(),
            request.id(),
            controller.accountId(),
            checked.subjectRequestId(),
            checked.regulation(),
            sha,
            checked.callbackUrls(),
            Statuses.of(request.state()),
            clock.instant());
    jdbi.useHandle(handle -> OpenDsrStore.insert(handle, mapping));
    return created(mapping, request, raw);
  }

  Status status(Principal.Client controller, String subjectRequestId) {
    Mapping mapping = mapping(controller, subjectRequestId);
    return Statuses.body(mapping, requests.summary(SYSTEM, mapping.requestId()));
  }

  /** Cancels while pending; a request linked to one filed elsewhere is not the controller's. */
  Status cancel(Principal.Client controller, String subjectRequestId) {
    Mapping mapping = mapping(controller, subjectRequestId);
    try {
      return Statuses.body(
          mapping,
          requests.withdrawBeforeWork(
              controller, mapping.requestId(), "cancelled by the controller over OpenDSR"));
    } catch (NotFoundException e) {
      throw new ConflictException(
          "this request was linked to one filed by someone else and cannot be cancelled here");
    }
  }

  private Mapping mapping(Principal.Client controller, String subjectRequestId) {
    return jdbi.withHandle(
            handle -> OpenDsrStore.find(handle, controller.accountId(), subjectRequestId))
        .orElseThrow(() -> new NotFoundException("no OpenDSR request " + subjectRequestId));
  }

  /**
   * OpenDSR's three types in the policy's words: under CCPA access and portability are the right to
   * know specific pieces (Cal. Civ. Code §1798.110, portable per §1798.130(a)(2)), erasure is
   * deletion (§1798.105).
   */
  static String stewardType(String type, boolean ccpa) {
    if (!ccpa) {
      return type;
    }
    return type.equals("erasure") ? "delete" : "know_specific";
  }

  private static Created created(Mapping mapping, RequestSummary request, byte[] raw) {
    return new Created(
        mapping.controllerId().toString(),
        Statuses.time(request.dueAt()),
        Statuses.time(mapping.receivedAt()),
        Base64.getEncoder().encodeToString(raw),
        mapping.subjectRequestId());
  }

  private static String sha256(byte[] raw) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
