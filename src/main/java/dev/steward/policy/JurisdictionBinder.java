package dev.steward.policy;

import dev.steward.calendar.DeadlineRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/** Binds jurisdictions: their rights with deadlines, authorities, breach clocks and consents. */
final class JurisdictionBinder {
  /** CalOPPA (Bus. & Prof. Code 22575(b)(5)): the policy must say how DNT signals are handled. */
  private static final List<String> DO_NOT_TRACK = List.of("honoured", "not_honoured", "unstated");

  private final Binding binding;
  private final DeadlineBinder deadlines;

  JurisdictionBinder(Binding binding) {
    this.binding = binding;
    this.deadlines = new DeadlineBinder(binding);
  }

  List<Jurisdiction> jurisdictions(Fields root) {
    return binding.mappings(root, "jurisdictions", "jurisdiction").stream()
        .map(this::jurisdiction)
        .toList();
  }

  private Jurisdiction jurisdiction(Fields f) {
    String id = Values.id(binding, f);
    String calendar = f.text("calendar");
    Optional<DeadlineRule> deadline = deadlines.deadline(f, "deadline", calendar);
    Optional<Jurisdiction.Extension> extension = deadlines.extension(f, calendar);
    List<Jurisdiction.Right> rights = new ArrayList<>();
    for (Fields r : binding.mappings(f, "rights", "right")) {
      right(id, r, calendar, deadline, extension).ifPresent(rights::add);
    }
    Jurisdiction jurisdiction =
        new Jurisdiction(
            id,
            f.text("name"),
            f.choice("law", Law.class),
            Values.zone(binding, f, "zone"),
            calendar,
            f.text("controller"),
            f.text("contact"),
            rights,
            binding.mappings(f, "complaint_authorities", "complaint_authority").stream()
                .map(this::authority)
                .toList(),
            binding.mappings(f, "breach", "breach_notice").stream()
                .map(b -> breachNotice(b, calendar))
                .toList(),
            deadlines.deadline(f, "indirect_collection_notice", calendar),
            Optional.ofNullable(f.child("caloppa", "caloppa")).map(this::calOppa),
            binding.mappings(f, "consents", "pipl_consent").stream().map(this::consent).toList(),
            Optional.ofNullable(f.amount("minimum_age")),
            Optional.ofNullable(f.child("parental_consent", "parental_consent"))
                .map(this::parentalConsent),
            f.choices("commitments", Jurisdiction.Commitment.class));
    return binding.origin(jurisdiction, f);
  }

  private Optional<Jurisdiction.Right> right(
      String jurisdiction,
      Fields r,
      String calendar,
      Optional<DeadlineRule> defaultDeadline,
      Optional<Jurisdiction.Extension> defaultExtension) {
    RequestType type = r.choice("type", RequestType.class);
    Optional<DeadlineRule> deadline = deadlines.deadline(r, "deadline", calendar);
    if (type != null && !r.has("deadline") && defaultDeadline.isEmpty()) {
      binding.add(
          r.where("type")
              .error(
                  "jurisdiction '"
                      + jurisdiction
                      + "' grants '"
                      + r.text("type")
                      + "' but sets no deadline for it",
                  "add 'deadline:' to this right or a default 'deadline:' to the jurisdiction"));
    }
    Optional<DeadlineRule> resolved = r.has("deadline") ? deadline : defaultDeadline;
    Optional<Jurisdiction.Extension> extension =
        r.has("extension") ? deadlines.extension(r, calendar) : defaultExtension;
    Verification verification = r.choice("verification", Verification.class);
    List<Channel> exercise = r.choices("exercise", Channel.class);
    Optional<DeadlineRule> confirm = deadlines.deadline(r, "confirm", calendar);
    if (type == null || verification == null || resolved.isEmpty()) {
      return Optional.empty();
    }
    Jurisdiction.Right right =
        new Jurisdiction.Right(
            type,
            verification,
            exercise,
            resolved.get(),
            confirm,
            extension,
            r.optionalText("fee"),
            r.flag("authorized_agent"),
            marketingObjection(r, type));
    return Optional.of(binding.origin(right, r));
  }

  private Optional<Jurisdiction.MarketingObjection> marketingObjection(Fields r, RequestType type) {
    Fields f = r.child("direct_marketing", "marketing_objection");
    if (f == null) {
      return Optional.empty();
    }
    if (type != null && type != RequestType.OBJECTION) {
      binding.add(
          r.node()
              .keyLocation("direct_marketing")
              .error(
                  "only an objection right says how an objection to direct marketing is made",
                  "move 'direct_marketing:' to the right of type 'objection'"));
    }
    Verification verification = f.choice("verification", Verification.class);
    List<Channel> exercise = f.choices("exercise", Channel.class);
    return verification == null
        ? Optional.empty()
        : Optional.of(
            binding.origin(new Jurisdiction.MarketingObjection(verification, exercise), f));
  }

  /** The age, and the ages by country; countries must be ISO codes and ages whole numbers. */
  private Jurisdiction.ParentalConsent parentalConsent(Fields f) {
    Integer age = f.amount("age");
    Map<String, Integer> countries = new LinkedHashMap<>();
    Node node = f.node().get("countries").orElse(null);
    if (node instanceof Node.Mapping mapping) {
      for (Node.Entry entry : mapping.entries().values()) {
        Values.checkCountry(binding, entry.key(), entry.keyLocation(), Set.of());
        String text =
            entry.value() instanceof Node.Scalar scalar && !scalar.isEmpty()
                ? scalar.text().strip()
                : "";
        if (text.matches("\\d{1,2}")) {
          countries.put(entry.key(), Integer.parseInt(text));
        } else {
          binding.add(
              entry
                  .value()
                  .location()
                  .error(
                      "the parental consent age for " + entry.key() + " must be a whole number",
                      "e.g. " + entry.key() + ": 14"));
        }
      }
    } else if (node != null) {
      binding.add(
          node.location()
              .error("'countries' must map each country to its age", "e.g. {AT: 14, FR: 15}"));
    }
    return binding.origin(new Jurisdiction.ParentalConsent(age == null ? 0 : age, countries), f);
  }

  private Jurisdiction.Authority authority(Fields f) {
    if (f.has("country")) {
      Values.country(binding, f, "country", java.util.Set.of());
    }
    return binding.origin(
        new Jurisdiction.Authority(
            f.text("name"), f.optionalText("country"), f.optionalText("url")),
        f);
  }

  private Jurisdiction.BreachNotice breachNotice(Fields f, String calendar) {
    var timing = f.choice("timing", Jurisdiction.BreachNotice.Timing.class);
    Optional<DeadlineRule> within = deadlines.deadline(f, "within", calendar);
    Integer moreThan = f.amount("more_than");
    var to = f.choice("to", Jurisdiction.BreachNotice.Audience.class);
    var countedFrom = f.choice("counted_from", Jurisdiction.BreachNotice.Start.class);
    if (to == Jurisdiction.BreachNotice.Audience.INDIVIDUALS
        && countedFrom == Jurisdiction.BreachNotice.Start.INDIVIDUALS_NOTIFIED) {
      binding.add(
          f.where("counted_from")
              .error(
                  "the notice to individuals cannot count from itself",
                  "use 'awareness', or put 'individuals_notified' on the regulator's notice"));
    }
    if (timing == Jurisdiction.BreachNotice.Timing.WITHIN && !f.has("within")) {
      binding.add(
          f.where("timing")
              .error(
                  "a breach notice 'within' a time needs 'within:'",
                  "e.g. {count: hours, amount: 72}"));
    }
    return binding.origin(
        new Jurisdiction.BreachNotice(
            to,
            timing,
            within,
            f.optionalText("condition"),
            countedFrom,
            moreThan == null ? OptionalInt.empty() : OptionalInt.of(moreThan)),
        f);
  }

  private Jurisdiction.CalOppa calOppa(Fields f) {
    String doNotTrack = f.text("do_not_track");
    if (!doNotTrack.isEmpty() && !DO_NOT_TRACK.contains(doNotTrack)) {
      binding.add(
          f.where("do_not_track")
              .error(
                  "'" + doNotTrack + "' is not a Do Not Track handling",
                  Suggestions.hint(doNotTrack, DO_NOT_TRACK)));
    }
    return binding.origin(
        new Jurisdiction.CalOppa(f.text("do_not_track"), f.flag("anonymous_browsing")), f);
  }

  private Jurisdiction.PiplConsent consent(Fields f) {
    return binding.origin(
        new Jurisdiction.PiplConsent(
            Values.id(binding, f),
            f.choice("scope", Jurisdiction.PiplConsent.Scope.class),
            f.choice("form", ConsentForm.class),
            f.texts("purposes")),
        f);
  }
}
