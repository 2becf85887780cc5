package dev.steward.policy;

import java.util.List;

/** How people are told about changes to the policy, and which changes. */
public record ChangeNotification(List<Channel> channels, String scope) {
  public ChangeNotification {
    channels = List.copyOf(channels);
  }
}
