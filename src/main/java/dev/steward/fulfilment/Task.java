package dev.steward.fulfilment;

import java.util.UUID;

/** One task row: a step of one request on one system. No personal data. */
record Task(
    UUID id, UUID requestId, String systemId, String operation, String status, int attempts) {

  static final String PENDING = "pending";
  static final String DONE = "done";
  static final String FAILED = "failed";

  /** Steps that are not a {@link DataSystem} operation but Steward's own. */
  static final String OBJECT = "object";

  static final String WITHDRAW_CONSENT = "withdraw_consent";
  static final String PURGE_CONTENT = "purge_content";
  static final String OPT_OUT_SALE_SHARING = "opt_out_sale_sharing";
  static final String LIMIT_SENSITIVE = "limit_sensitive";
  static final String STEWARD = "steward";
}
