package dev.steward.request;

/**
 * How to reach the requester and what they wrote: personal data, stored only sealed under the
 * request's key. {@link #toString()} shows none of it.
 *
 * @param email normalised, or null
 * @param phone E.164, or null
 * @param details free text the requester gave, or null
 * @param agentName the authorized agent's name, or null
 * @param agentEmail the authorized agent's address, to which letters go, or null
 */
record Contact(String email, String phone, String details, String agentName, String agentEmail) {

  /** Where letters go: the agent when one acts, else the person; null when there is no email. */
  String letterAddress() {
    return agentEmail != null ? agentEmail : email;
  }

  @Override
  public String toString() {
    return "Contact[hidden]";
  }
}
