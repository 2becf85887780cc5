package dev.steward.request;

import dev.steward.policy.RequestType;
import dev.steward.policy.Verification;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * One row of {@code rights_request}: what was asked, by whom (sealed) and when, which never
 * changes, and its {@link Progress}. Ids, codes, times and sealed bytes only; nothing in clear.
 *
 * @param submittedByType audit actor type of whoever filed it ({@code anonymous} for the privacy
 *     center)
 * @param loggedAt when Steward stored it; earlier {@code receivedAt} means it was backdated
 */
record RequestRow(
    UUID id,
    String reference,
    RequestType type,
    String documentId,
    String residence,
    Language language,
    String channel,
    byte[] contactSealed,
    boolean hasEmail,
    String submittedByType,
    String submittedById,
    Instant receivedAt,
    Instant loggedAt,
    Verification verificationLevel,
    Progress progress) {

  RequestState state() {
    return progress.state();
  }

  RequestRow with(Progress next) {
    return new RequestRow(
        id,
        reference,
        type,
        documentId,
        residence,
        language,
        channel,
        contactSealed,
        hasEmail,
        submittedByType,
        submittedById,
        receivedAt,
        loggedAt,
        verificationLevel,
        next);
  }

  /** A copy with its progress changed by {@code change}. */
  RequestRow change(Consumer<Progress.Edit> change) {
    Progress.Edit edit = progress.edit();
    change.accept(edit);
    return with(edit.apply());
  }
}
