package dev.steward.policy;

import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Binds what is done with data: purposes, recipients, transfers, trackers and forms. */
final class ProcessingBinder {
  private static final Set<String> TRANSFER_PLACES = Set.of(Values.EEA, Values.WORLD);

  private final Binding binding;

  ProcessingBinder(Binding binding) {
    this.binding = binding;
  }

  List<Purpose> purposes(Fields root) {
    return binding.mappings(root, "purposes", "purpose").stream()
        .map(
            f ->
                binding.origin(
                    new Purpose(
                        Values.id(binding, f),
                        f.text("name"),
                        f.texts("legal_bases"),
                        f.texts("categories"),
                        f.texts("subject_types"),
                        f.flag("direct_marketing"),
                        f.flag("sale_or_sharing"),
                        f.flag("profiling"),
                        f.choices("withdrawal", Channel.class),
                        topics(f),
                        f.flag("double_opt_in")),
                    f))
        .toList();
  }

  /**
   * A purpose's marketing topics: only a direct-marketing purpose has them (they are what a person
   * subscribes to), and each id is unique within it.
   */
  private List<Topic> topics(Fields purpose) {
    List<Fields> items = binding.mappings(purpose, "topics", "topic");
    if (!items.isEmpty() && !purpose.flag("direct_marketing")) {
      binding.add(
          purpose
              .where("topics")
              .error(
                  "topics belong to direct-marketing purposes only",
                  "add 'direct_marketing: true' or remove 'topics'"));
    }
    Set<String> seen = new java.util.HashSet<>();
    List<Topic> topics = new java.util.ArrayList<>();
    for (Fields f : items) {
      String id = Values.id(binding, f);
      if (!id.isEmpty() && !seen.add(id)) {
        binding.add(
            f.where("id")
                .error("topic '" + id + "' is declared twice in this purpose", "rename one"));
      }
      topics.add(binding.origin(new Topic(id, f.text("name")), f));
    }
    return topics;
  }

  List<Recipient> recipients(Fields root) {
    return binding.mappings(root, "recipients", "recipient").stream()
        .map(
            f -> {
              if (f.has("country")) {
                Values.country(binding, f, "country", Set.of(Policy.UNSTATED));
              }
              return binding.origin(
                  new Recipient(
                      Values.id(binding, f),
                      f.text("name"),
                      f.choice("kind", Recipient.Kind.class),
                      f.optionalText("legal_name"),
                      f.texts("categories"),
                      f.texts("purposes"),
                      f.flag("direct_marketing_disclosure"),
                      f.optionalText("country"),
                      noticeContact(f)),
                  f);
            })
        .toList();
  }

  /** GDPR Art. 19's channel to a recipient: an email address or an https endpoint. */
  private Optional<String> noticeContact(Fields f) {
    Optional<String> contact = f.optionalText("notice_contact");
    if (contact.isEmpty()) {
      return contact;
    }
    String value = contact.get();
    boolean mail = value.matches("mailto:[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    boolean web = value.startsWith("https://") && value.length() > "https://".length();
    if (!mail && !web) {
      binding.add(
          f.where("notice_contact")
              .error(
                  "'notice_contact' must be a mailto: address or an https:// address, not '"
                      + value
                      + "'",
                  "e.g. mailto:privacy@recipient.example or https://recipient.example/art19"));
      return Optional.empty();
    }
    return contact;
  }

  List<Transfer> transfers(Fields root) {
    return binding.mappings(root, "transfers", "transfer").stream().map(this::transfer).toList();
  }

  private Transfer transfer(Fields f) {
    String from = Values.country(binding, f, "from", Set.of(Values.EEA));
    List<String> to = f.texts("to");
    for (int i = 0; i < to.size(); i++) {
      Values.checkCountry(binding, to.get(i), binding.element(f.node(), "to", i), TRANSFER_PLACES);
    }
    Transfer transfer =
        new Transfer(
            Values.id(binding, f),
            from,
            to,
            f.choices("mechanisms", Mechanism.class),
            Optional.ofNullable(f.choice("consent", ConsentForm.class)),
            f.flagOrUnstated("international_organisation"),
            f.texts("categories"));
    return binding.origin(transfer, f);
  }

  List<Tracker> trackers(Fields root) {
    return binding.mappings(root, "trackers", "tracker").stream()
        .map(
            f ->
                binding.origin(
                    new Tracker(
                        Values.id(binding, f),
                        f.text("name"),
                        f.choice("kind", Tracker.Kind.class),
                        f.text("provider"),
                        f.choice("party", Tracker.Party.class),
                        f.texts("purpose"),
                        duration(f),
                        f.choice("category", Tracker.ConsentCategory.class),
                        f.texts("categories")),
                    f))
        .toList();
  }

  private String duration(Fields f) {
    String text = f.text("duration");
    if (text.isEmpty() || text.equals("session") || text.equals(Policy.UNSTATED)) {
      return text;
    }
    try {
      Period.parse(text);
    } catch (DateTimeParseException e) {
      binding.add(
          f.where("duration")
              .error(
                  "'" + text + "' is not a tracker duration",
                  "use 'session', an ISO 8601 period such as P13M, or 'unstated'"));
    }
    return text;
  }

  List<Form> forms(Fields root) {
    return binding.mappings(root, "forms", "form").stream()
        .map(
            f -> {
              List<Form.Field> fields =
                  binding.mappings(f, "fields", "form_field").stream()
                      .map(
                          field ->
                              binding.origin(
                                  new Form.Field(
                                      field.text("name"),
                                      field.texts("categories"),
                                      field.flag("required")),
                                  field))
                      .toList();
              return binding.origin(
                  new Form(
                      Values.id(binding, f),
                      f.text("name"),
                      fields,
                      f.texts("purposes"),
                      f.optionalText("consent_field"),
                      f.optionalText("subject_type"),
                      f.optionalText("source"),
                      f.optionalText("system")),
                  f);
            })
        .toList();
  }
}
