package dev.steward.fulfilment;

import java.util.Optional;
import java.util.UUID;

/**
 * What the privacy center's download page needs to know about a package link before the person
 * downloads: whether it still leads to their data. Asking counts no copy and serves nothing.
 */
public final class PackageLinks {
  private final AccessPackages packages;

  PackageLinks(AccessPackages packages) {
    this.packages = packages;
  }

  /** Where a link stands. */
  public enum State {
    /** The package can be downloaded. */
    READY,
    /** The link's time is over (a new one is asked for from the privacy team). */
    EXPIRED,
    /** The person was erased (GDPR Art. 17) and their package went with them. */
    ERASED,
    /** The link was altered, belongs to another person, or names no package. */
    INVALID
  }

  /**
   * A request's package as the status page offers it to the signed-in person whose request it is.
   *
   * @param href the ZIP's signed download path while {@link State#READY}, else null
   */
  public record Offer(State state, String href) {}

  /**
   * The package of {@code requestId}, if one was made: ready with a signed path to its ZIP, or why
   * it can no longer be had. The caller shows it only to the person whose request it is.
   */
  public Optional<Offer> ofRequest(UUID requestId) {
    return packages.offer(requestId);
  }

  /** Where the link with these parts stands; hostile input answers {@link State#INVALID}. */
  public State state(String packageId, String subject, String expires, String signature) {
    UUID id;
    try {
      id = UUID.fromString(packageId);
    } catch (RuntimeException e) {
      return State.INVALID;
    }
    return packages.state(id, subject, expires, signature);
  }

  /** The API path that serves the package's ZIP for these link parts. */
  public static String downloadPath(
      String packageId, String subject, String expires, String signature) {
    return DownloadLinks.PATH
        + enc(packageId)
        + "?subject="
        + enc(subject)
        + "&expires="
        + enc(expires)
        + "&sig="
        + enc(signature);
  }

  private static String enc(String value) {
    return java.net.URLEncoder.encode(
        value == null ? "" : value, java.nio.charset.StandardCharsets.UTF_8);
  }
}
