package dev.steward.web;

/**
 * The only kinds of route that answer without a credential. Each is rate-limited and never returns
 * personal data.
 */
public enum PublicKind {
  /** The privacy notice and its versions. */
  NOTICE,
  /** Files under {@code /.well-known/}, such as {@code gpc.json}. */
  WELL_KNOWN,
  /** The consent banner script. */
  BANNER_SCRIPT,
  /** The public privacy center's pages. */
  PRIVACY_CENTER,
  /**
   * Intake called by the privacy center and the company's web forms: form collection, request
   * submission and verification, unsubscribe, opt-out, GPP, cookie choices.
   */
  INTAKE,
  /** Liveness and readiness for load balancers, which carry no credential; answers only up/down. */
  HEALTH_PROBE,
  /** Staff sign-in: takes credentials in the body; throttled and locked per user name. */
  SIGN_IN,
  /**
   * OpenDSR discovery and the processor's certificate chain, which controllers fetch unsigned-in.
   */
  OPENDSR_DISCOVERY
}
