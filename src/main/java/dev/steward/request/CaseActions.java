package dev.steward.request;

import dev.steward.policy.Exemption;
import dev.steward.policy.Policy;
import dev.steward.principal.Permission;
import dev.steward.principal.Principal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The steps staff may offer on a request: those its state allows and the caller's permissions
 * grant. Pages show only these; the services refuse any other anyway (a 409 for the state, a 403
 * for the permission), so this only spares staff a button that cannot work.
 */
public enum CaseActions {
  ASSIGN,
  VERIFY,
  REVIEW,
  START,
  INSTRUCT,
  EXTEND,
  PAUSE,
  RESUME,
  FEE,
  COMPLETE,
  DENY,
  WITHDRAW;

  /** What {@code caller} may do next on {@code request}. */
  public static Set<CaseActions> allowed(Principal caller, RequestSummary request) {
    Set<CaseActions> allowed = EnumSet.noneOf(CaseActions.class);
    RequestState state = RequestState.of(request.state());
    if (!state.isOpen()) {
      return allowed;
    }
    if (caller.has(Permission.REQUEST_ASSIGN)) {
      allowed.add(ASSIGN);
    }
    if (!caller.has(Permission.REQUEST_WORK)) {
      return allowed;
    }
    Set<RequestState> next = state.next();
    if (next.contains(RequestState.VERIFIED)) {
      allowed.add(VERIFY);
      allowed.add(REVIEW);
    }
    if (next.contains(RequestState.IN_PROGRESS) && state == RequestState.VERIFIED) {
      allowed.add(START);
      // Fulfilment reads the instructions when its tasks run, so what to keep or correct is
      // given before work starts (and may still be given while it runs).
      allowed.add(INSTRUCT);
    }
    if (next.contains(RequestState.COMPLETED)) {
      allowed.add(COMPLETE);
      allowed.add(INSTRUCT);
    }
    if (!request.extended()) {
      allowed.add(EXTEND);
    }
    // GDPR Art. 12A (UK): only an access request's clock stops for a clarification.
    if ("access".equals(request.type())) {
      allowed.add(request.paused() ? RESUME : PAUSE);
    }
    allowed.add(FEE);
    allowed.add(DENY);
    allowed.add(WITHDRAW);
    return allowed;
  }

  /** Why a request may be denied, as the deny step takes them. */
  public static List<String> denialReasons() {
    return Closing.REASONS.stream().sorted().toList();
  }

  /** The exemptions of {@code policy} a request of {@code type} may be denied under. */
  public static List<String> exemptions(Policy policy, String type) {
    return policy.exemptions().stream()
        .filter(e -> e.rights().stream().anyMatch(r -> TypeNames.id(r).equals(type)))
        .map(Exemption::id)
        .sorted()
        .toList();
  }

  /** The lower-case name a form posts to, e.g. {@code complete}. */
  public String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
