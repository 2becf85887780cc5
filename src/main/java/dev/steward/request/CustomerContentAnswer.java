package dev.steward.request;

import dev.steward.calendar.DeadlineRule;
import dev.steward.policy.Jurisdiction;
import dev.steward.policy.Policy;
import dev.steward.policy.RequestType;
import java.util.Locale;
import java.util.Optional;

/**
 * The answer to someone asking about data in content that a business customer delivers over the
 * network: that customer is the controller, so the request goes to it; it can then ask for copies
 * to be removed from the network (the policy's content-removal promise). Nothing is stored.
 */
record CustomerContentAnswer(String outcome, String controller, String route) {

  static CustomerContentAnswer from(Policy policy) {
    Optional<DeadlineRule> removal =
        policy.jurisdictions().stream()
            .flatMap(
                j ->
                    j.right(RequestType.CONTENT_REMOVAL).map(Jurisdiction.Right::deadline).stream())
            .findFirst();
    String promise =
        removal
            .map(
                rule ->
                    " If that business asks us to remove copies of the data from our network, we"
                        + " do so within "
                        + rule.amount()
                        + " "
                        + rule.count().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                        + ".")
            .orElse("");
    return new CustomerContentAnswer(
        "customer_is_controller",
        "The business whose website, app or service delivered the content to you. It controls"
            + " that content and decides what happens to personal data in it; we only carry it"
            + " across our network.",
        "Send your request for access, correction or deletion to that business, through the"
            + " privacy contact in its own privacy notice."
            + promise);
  }
}
