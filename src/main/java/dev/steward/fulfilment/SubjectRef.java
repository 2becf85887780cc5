package dev.steward.fulfilment;

import java.util.List;
import java.util.UUID;

/**
 * Whom a task is about: the vault subject (null when the vault does not know the person), the
 * request asking, and the identities the request proved. A system outside the vault finds its own
 * rows through those identities, so a person the vault never held is still reached.
 *
 * @param subjectType the policy's subject type, e.g. {@code customer-contacts}; "" when unknown
 * @param identities the request's identities (personal data: {@link #toString()} hides them)
 */
public record SubjectRef(
    UUID subjectId, String subjectType, UUID requestId, List<Identity> identities) {
  public SubjectRef {
    identities = List.copyOf(identities);
  }

  /** A subject known by the vault only, with no identities given. */
  public SubjectRef(UUID subjectId, String subjectType, UUID requestId) {
    this(subjectId, subjectType, requestId, List.of());
  }

  /** The values of the identities of {@code type} (e.g. {@code email}). */
  public List<String> values(String type) {
    return identities.stream().filter(i -> i.type().equals(type)).map(Identity::value).toList();
  }

  @Override
  public String toString() {
    return "SubjectRef["
        + subjectId
        + ", "
        + requestId
        + ", "
        + identities.size()
        + " identities hidden]";
  }

  /**
   * One identity of the person, as the request gave it (normalised the vault's way: e-mail in lower
   * case, phone numbers in E.164). Personal data.
   *
   * @param type the identity type id: {@code email}, {@code phone}, {@code customer_account} ...
   */
  public record Identity(String type, String value) {
    @Override
    public String toString() {
      return "Identity[" + type + ", value hidden]";
    }
  }
}
