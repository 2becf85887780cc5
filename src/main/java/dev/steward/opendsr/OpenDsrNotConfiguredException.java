package dev.steward.opendsr;

import dev.steward.error.StewardException;

/** The node has no processor key and certificate chain, so it cannot sign OpenDSR answers. */
final class OpenDsrNotConfiguredException extends StewardException {
  OpenDsrNotConfiguredException() {
    super(
        "opendsr-not-configured",
        503,
        "OpenDSR is not configured on this node: set opendsr-key and opendsr-certificate");
  }
}
