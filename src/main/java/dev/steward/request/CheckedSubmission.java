package dev.steward.request;

import dev.steward.error.InvalidInputException;
import dev.steward.error.InvalidInputException.FieldProblem;
import dev.steward.policy.Policy;
import dev.steward.policy.RequestType;
import dev.steward.policy.Verification;
import dev.steward.vault.Identity;
import dev.steward.vault.IdentityIndex;
import dev.steward.vault.IdentityType;
import dev.steward.vault.InvalidIdentityException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A submission checked against the policy in force: every problem is found before anything is
 * stored, and reported at once as one 422.
 *
 * @param hashes keyed hash to identity type, for duplicate detection
 * @param contact the normalised contact details, to be sealed
 */
record CheckedSubmission(
    RequestType type,
    Residence residence,
    Language language,
    Applicable applicable,
    Map<String, String> hashes,
    Contact contact,
    Verification level,
    Set<VerificationStep> needed) {

  private static final int MAX_DETAILS = 5000;

  /**
   * The hash of the identity the requester is reached at: the business customer's account, else the
   * email address, else the phone number.
   */
  String contactHash() {
    for (String type : List.of("customer_account", "email", "phone")) {
      for (Map.Entry<String, String> entry : hashes.entrySet()) {
        if (entry.getValue().equals(type)) {
          return entry.getKey();
        }
      }
    }
    throw new IllegalStateException("a checked submission has an identity");
  }

  /** The same submission with no verification step left: its sender has verified the person. */
  CheckedSubmission vouched() {
    return new CheckedSubmission(
        type,
        residence,
        language,
        applicable,
        hashes,
        contact,
        level,
        EnumSet.noneOf(VerificationStep.class));
  }

  static CheckedSubmission of(Policy policy, IdentityIndex index, Submission submission) {
    RequestType type = TypeNames.parse(submission.type());
    Residence residence = Residence.parse(submission.residence());
    Language language = Language.parse(submission.language());
    Applicable applicable = Applicable.of(policy, residence, type);
    List<FieldProblem> problems = new ArrayList<>();
    Map<String, String> hashes = new LinkedHashMap<>();
    String email =
        identity(index, IdentityType.EMAIL, submission.email(), "identity.email", hashes, problems);
    String phone =
        identity(index, IdentityType.PHONE, submission.phone(), "identity.phone", hashes, problems);
    if (submission.customerAccount() != null) {
      hashes.put(
          index.hash(new Identity(IdentityType.CUSTOMER_ACCOUNT, submission.customerAccount())),
          IdentityType.CUSTOMER_ACCOUNT.id());
    } else if (submission.email() == null && submission.phone() == null) {
      problems.add(new FieldProblem("identity", "give an email address, a phone number or both"));
    }
    if (submission.details() != null && submission.details().length() > MAX_DETAILS) {
      problems.add(new FieldProblem("details", "at most " + MAX_DETAILS + " characters"));
    }
    boolean isDocument = type == RequestType.DOCUMENT;
    if (isDocument
        && policy.documents().stream().noneMatch(d -> d.id().equals(submission.document()))) {
      problems.add(new FieldProblem("document", "name one of the policy's documents by its id"));
    } else if (!isDocument && submission.document() != null) {
      problems.add(new FieldProblem("document", "only a 'document' request names a document"));
    }
    boolean fromCustomer = submission.customerAccount() != null;
    if ((type == RequestType.CONTENT_REMOVAL) != fromCustomer) {
      problems.add(
          new FieldProblem(
              "type",
              "content removal is filed by a business customer with its account token at"
                  + " POST /api/v1/content-removals, and only there"));
    }
    String agentEmail = null;
    if (submission.agentEmail() != null || submission.agentName() != null) {
      if (!applicable.allowsAgents()) {
        problems.add(new FieldProblem("agent", "this request cannot be made by an agent"));
      }
      Map<String, String> ignored = new LinkedHashMap<>();
      agentEmail =
          identity(
              index, IdentityType.EMAIL, submission.agentEmail(), "agent.email", ignored, problems);
      if (agentEmail == null) {
        problems.add(new FieldProblem("agent.email", "an agent needs an email address"));
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException("the request cannot be accepted as given", problems);
    }
    Applicable.Granted strictest =
        applicable.granted().stream()
            .max(
                java.util.Comparator.comparingInt(
                    g -> VerificationStep.forLevel(g.right().verification()).size()))
            .orElseThrow();
    Set<VerificationStep> needed = EnumSet.noneOf(VerificationStep.class);
    applicable
        .granted()
        .forEach(g -> needed.addAll(VerificationStep.forLevel(g.right().verification())));
    if (agentEmail != null) {
      needed.add(VerificationStep.AGENT_PERMISSION);
    }
    Contact contact =
        new Contact(email, phone, submission.details(), submission.agentName(), agentEmail);
    return new CheckedSubmission(
        type,
        residence,
        language,
        applicable,
        hashes,
        contact,
        strictest.right().verification(),
        needed);
  }

  private static String identity(
      IdentityIndex index,
      IdentityType type,
      String value,
      String field,
      Map<String, String> hashes,
      List<FieldProblem> problems) {
    if (value == null) {
      return null;
    }
    try {
      Identity identity = new Identity(type, value);
      String normalised = index.normalizer().normalize(identity);
      hashes.put(index.hashNormalized(type, normalised), type.id());
      return normalised;
    } catch (InvalidIdentityException e) {
      problems.add(new FieldProblem(field, e.getMessage()));
      return null;
    }
  }
}
