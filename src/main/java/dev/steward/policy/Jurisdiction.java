package dev.steward.policy;

import dev.steward.calendar.DeadlineRule;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A law (or the company's own promise) under which people have rights: who answers, on which
 * calendar, which requests it grants and how fast they must be answered, and the breach clocks.
 *
 * @param controller the id of the entity or joint-controller arrangement answerable here
 * @param contact the id of the contact route people use here
 * @param indirectCollectionNotice GDPR Art. 14(3): the latest time to tell people about data
 *     obtained from another source
 * @param minimumAge the age under which the company does not knowingly collect data (COPPA)
 * @param parentalConsent the age below which a parent must consent, when the policy states it; see
 *     {@link #parentalConsentAge}
 * @param commitments what the company promises people under this law beyond its duties
 */
public record Jurisdiction(
    String id,
    String name,
    Law law,
    ZoneId zone,
    String calendar,
    String controller,
    String contact,
    List<Right> rights,
    List<Authority> complaintAuthorities,
    List<BreachNotice> breach,
    Optional<DeadlineRule> indirectCollectionNotice,
    Optional<CalOppa> calOppa,
    List<PiplConsent> consents,
    Optional<Integer> minimumAge,
    Optional<ParentalConsent> parentalConsent,
    List<Commitment> commitments) {

  public Jurisdiction {
    rights = List.copyOf(rights);
    complaintAuthorities = List.copyOf(complaintAuthorities);
    breach = List.copyOf(breach);
    consents = List.copyOf(consents);
    commitments = List.copyOf(commitments);
  }

  /**
   * The age below which a parent or guardian must give or authorise a child's consent, for a person
   * in {@code country} (ISO code, or null when unknown): the country's own age where the policy
   * lists one, else the policy's age for the jurisdiction, else the law's default ({@link
   * Law#parentalConsentAge}).
   */
  public OptionalInt parentalConsentAge(String country) {
    if (parentalConsent.isPresent()) {
      ParentalConsent consent = parentalConsent.get();
      Integer own = country == null ? null : consent.countries().get(country);
      return OptionalInt.of(own != null ? own : consent.age());
    }
    return law == null ? OptionalInt.empty() : law.parentalConsentAge();
  }

  public Optional<Right> right(RequestType type) {
    return rights.stream().filter(right -> right.type() == type).findFirst();
  }

  /**
   * A request type granted here.
   *
   * @param deadline when the answer is due, counted from receipt
   * @param confirm when receipt must be confirmed, if the law asks for that
   * @param exercise the channels by which the request can be made
   */
  public record Right(
      RequestType type,
      Verification verification,
      List<Channel> exercise,
      DeadlineRule deadline,
      Optional<DeadlineRule> confirm,
      Optional<Extension> extension,
      Optional<String> fee,
      boolean authorizedAgent,
      Optional<MarketingObjection> directMarketing) {

    public Right {
      exercise = List.copyOf(exercise);
    }
  }

  /**
   * How an objection to direct marketing alone is made and checked, where it differs from other
   * objections: GDPR Art. 21(2)-(3) make it absolute, so it is acted on without proof of identity.
   */
  public record MarketingObjection(Verification verification, List<Channel> exercise) {
    public MarketingObjection {
      exercise = List.copyOf(exercise);
    }
  }

  /**
   * The age below which a parent must consent for a child (GDPR Art. 8(1)), and the ages that
   * member states set instead.
   *
   * @param countries ISO code to age, for the states that set their own
   */
  public record ParentalConsent(int age, Map<String, Integer> countries) {
    public ParentalConsent {
      countries = Map.copyOf(countries);
    }
  }

  /** A promise made to the people of a jurisdiction, which the checker holds the policy to. */
  public enum Commitment {
    /** No personal data is sold: no purpose may be {@code sale_or_sharing}. */
    NO_SALE,
    /** No personal data is disclosed to third parties. */
    NO_THIRD_PARTY_DISCLOSURE
  }

  /** A longer deadline the law allows, added to the first, and when it may be used. */
  public record Extension(DeadlineRule by, String condition) {}

  /** A body a person may complain to. */
  public record Authority(String name, Optional<String> country, Optional<String> url) {}

  /**
   * Who must be told of a breach and how fast.
   *
   * @param within the deadline, present when {@code timing} is {@code WITHIN}
   * @param countedFrom what the deadline counts from: becoming aware of the breach, or having told
   *     the people affected (California's Attorney General, Civ. Code 1798.82(f))
   * @param moreThan the notice is due only when more people than this are affected, if set
   */
  public record BreachNotice(
      Audience to,
      Timing timing,
      Optional<DeadlineRule> within,
      Optional<String> condition,
      Start countedFrom,
      OptionalInt moreThan) {

    public BreachNotice {
      countedFrom = countedFrom == null ? Start.AWARENESS : countedFrom;
      moreThan = moreThan == null ? OptionalInt.empty() : moreThan;
    }

    /** A notice counted from awareness, for everyone affected. */
    public BreachNotice(
        Audience to, Timing timing, Optional<DeadlineRule> within, Optional<String> condition) {
      this(to, timing, within, condition, Start.AWARENESS, OptionalInt.empty());
    }

    /** What a breach deadline is counted from. */
    public enum Start {
      AWARENESS,
      INDIVIDUALS_NOTIFIED
    }

    public enum Audience {
      REGULATOR,
      INDIVIDUALS
    }

    public enum Timing {
      WITHIN,
      IMMEDIATELY,
      WITHOUT_UNDUE_DELAY
    }
  }

  /** California Online Privacy Protection Act facts: how Do Not Track signals are handled. */
  public record CalOppa(String doNotTrack, boolean anonymousBrowsing) {}

  /** A PIPL consent the company relies on, its scope and how it is obtained. */
  public record PiplConsent(String id, Scope scope, ConsentForm form, List<String> purposes) {
    public PiplConsent {
      purposes = List.copyOf(purposes);
    }

    public enum Scope {
      COLLECTION,
      SENSITIVE_DATA,
      PROVISION_TO_HANDLER,
      CROSS_BORDER_TRANSFER,
      PUBLIC_DISCLOSURE;

      /** PIPL Art. 23, 29, 39 (and 25): these need the person's separate consent. */
      public boolean needsSeparateConsent() {
        return this != COLLECTION;
      }
    }
  }
}
