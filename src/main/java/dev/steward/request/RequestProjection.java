package dev.steward.request;

import dev.steward.principal.Permission;
import dev.steward.principal.Principal;

/**
 * What a caller sees of one request, chosen by permission in this one place. Every caller that
 * reaches the request (see {@link Caseload}) sees its outline; only holders of {@code
 * request:contact-read} see the requester's personal data too.
 */
enum RequestProjection {
  /**
   * Admins, the DPO and the assigned agent: the outline, the requester's contact details and what
   * they wrote, and staff notes in the history. Reading it is a read of personal data.
   */
  CASE,
  /**
   * Analysts and client accounts: ids, codes, dates, clocks, the history without its notes and the
   * documents without their content; no personal data, and nothing of it is decrypted.
   */
  OUTLINE;

  static RequestProjection of(Principal caller) {
    return caller.has(Permission.REQUEST_CONTACT_READ) ? CASE : OUTLINE;
  }

  String id() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
