package dev.steward.request;

import dev.steward.error.NotFoundException;
import dev.steward.principal.Principal;
import dev.steward.principal.Role;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Who may see and work which request: support agents only those assigned to them, a client account
 * only those it filed, everyone else with the permission all of them. A request outside the
 * caller's caseload is "not found", so its existence is not revealed.
 */
final class Caseload {
  private Caseload() {}

  private static boolean visible(Principal caller, RequestRow row) {
    if (caller instanceof Principal.Staff staff && staff.role() == Role.AGENT) {
      return staff.userId().equals(row.progress().assignee());
    }
    if (caller instanceof Principal.Client client) {
      return row.submittedByType().equals("client")
          && row.submittedById().equals(client.accountId().toString());
    }
    return true;
  }

  /** The request, locked for a change, if the caller may work it. */
  static RequestRow lockFor(Handle handle, Principal caller, UUID id) {
    return reached(caller, id, RequestRows.lock(handle, id));
  }

  /** The request, unlocked, if the caller may see it. */
  static RequestRow find(Handle handle, Principal caller, UUID id) {
    return reached(
        caller,
        id,
        RequestRows.find(handle, id).orElseThrow(() -> new NotFoundException("no request " + id)));
  }

  // The same answer as for an id that names nothing, so a caller learns nothing of the others.
  private static RequestRow reached(Principal caller, UUID id, RequestRow row) {
    if (!visible(caller, row)) {
      throw new NotFoundException("no request " + id);
    }
    return row;
  }

  /** Who filed a request, as stored: a client account rather than the token it used. */
  static String[] submitter(Principal caller) {
    if (caller instanceof Principal.Client client) {
      return new String[] {"client", client.accountId().toString()};
    }
    return new String[] {caller.actorType(), caller.actorId()};
  }

  /** The SQL condition that limits a listing to the caller's caseload. */
  static String filter(Principal caller) {
    if (caller instanceof Principal.Staff staff && staff.role() == Role.AGENT) {
      return " and assignee = '" + staff.userId() + "'";
    }
    if (caller instanceof Principal.Client client) {
      return " and submitted_by_type = 'client' and submitted_by_id = '" + client.accountId() + "'";
    }
    return "";
  }
}
