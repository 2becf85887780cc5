package dev.steward.policy;

import java.util.List;

/** A ground on which a right may be refused or limited, and the request types it applies to. */
public record Exemption(String id, Ground ground, List<RequestType> rights) {
  public Exemption {
    rights = List.copyOf(rights);
  }

  public enum Ground {
    LEGAL_OBLIGATION,
    LEGAL_CLAIMS,
    PROFESSIONAL_SECRECY,
    OVERRIDING_INTEREST
  }
}
