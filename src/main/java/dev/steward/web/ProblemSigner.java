package dev.steward.web;

import java.util.Map;

/**
 * Signs the problem answers of a group of routes the way their successes are signed, for protocols
 * whose callers check every answer (OpenDSR). Given the exact body bytes, answers the headers to
 * add; an empty map when it cannot sign (no key configured). Must be thread-safe.
 */
@FunctionalInterface
public interface ProblemSigner {
  Map<String, String> headers(byte[] body);
}
