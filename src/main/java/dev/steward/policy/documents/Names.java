package dev.steward.policy.documents;

import dev.steward.policy.Category;
import dev.steward.policy.Channel;
import dev.steward.policy.Contact;
import dev.steward.policy.Dpo;
import dev.steward.policy.Entity;
import dev.steward.policy.JointController;
import dev.steward.policy.Policy;
import dev.steward.policy.Purpose;
import dev.steward.policy.Region;
import dev.steward.policy.SubjectType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns the ids a policy uses into the names people read, and contact routes into the concrete
 * addresses to write to. Unknown or {@code unstated} ids read as "not stated".
 */
final class Names {
  private final Policy policy;
  private final Wording wording;

  Names(Policy policy, Wording wording) {
    this.policy = policy;
    this.wording = wording;
  }

  String categories(List<String> ids) {
    return names(ids, id -> policy.category(id).map(Category::name));
  }

  String subjectTypes(List<String> ids) {
    return names(
        ids,
        id ->
            policy.subjectTypes().stream()
                .filter(t -> t.id().equals(id))
                .findFirst()
                .map(SubjectType::name));
  }

  String purposes(List<String> ids) {
    return names(ids, id -> policy.purpose(id).map(Purpose::name));
  }

  String purpose(String id) {
    return policy.purpose(id).map(Purpose::name).orElse(wording.unstated());
  }

  String regions(List<String> ids) {
    return names(
        ids,
        id ->
            policy.regions().stream().filter(r -> r.id().equals(id)).findFirst().map(Region::name));
  }

  /** The legal name of an entity, or the name of a joint-controller arrangement. */
  String controller(String id) {
    return policy.entities().stream()
        .filter(e -> e.id().equals(id))
        .map(Entity::legalName)
        .findFirst()
        .or(
            () ->
                policy.jointControllers().stream()
                    .filter(j -> j.id().equals(id))
                    .map(j -> j.name() + " (" + entities(j) + ")")
                    .findFirst())
        .orElse(wording.unstated());
  }

  private String entities(JointController joint) {
    return wording.join(joint.entities().stream().map(this::controller).toList());
  }

  Optional<Contact> contact(String id) {
    return policy.entities().stream()
        .flatMap(entity -> entity.contacts().stream())
        .filter(contact -> contact.id().equals(id))
        .findFirst();
  }

  /** How to use each channel through the contact route: "email: x@y; phone: ...". */
  String channels(List<Channel> channels, String contactId) {
    if (channels.isEmpty()) {
      return wording.unstated();
    }
    Optional<Contact> contact = contact(contactId);
    List<String> ways = new ArrayList<>();
    for (Channel channel : channels) {
      Optional<String> address =
          contact.flatMap(
              c ->
                  switch (channel) {
                    case EMAIL -> c.email();
                    case POST -> c.post();
                    case PHONE -> c.phone();
                    case WEB_FORM, WEB_LINK -> c.web();
                    case UNSUBSCRIBE_LINK -> Optional.empty();
                  });
      String label = wording.label("channel", channel);
      boolean open = address.isEmpty() || Wording.isUnstated(address.get());
      // The public cannot use "Web page" without its address: name the contact details instead.
      if (open && channel != Channel.UNSUBSCRIBE_LINK && wording.forPublicNotice()) {
        continue;
      }
      ways.add(address.map(a -> label + ": " + wording.orUnstated(a)).orElse(label));
    }
    return ways.isEmpty() ? wording.text("channels.contact-us") : String.join("; ", ways);
  }

  /** An external DPO as the documents name them: "Dr. A. Example, Example Consulting GmbH". */
  String externalDpo(Dpo.External external) {
    return external.name() + external.organisation().map(o -> ", " + o).orElse("");
  }

  /** Every channel of an external DPO: "Email: x@y; Post: ...". */
  String channels(Dpo.External external) {
    List<String> ways = new ArrayList<>();
    external.email().ifPresent(v -> ways.add(wording.label("channel", Channel.EMAIL) + ": " + v));
    external.post().ifPresent(v -> ways.add(wording.label("channel", Channel.POST) + ": " + v));
    external.phone().ifPresent(v -> ways.add(wording.label("channel", Channel.PHONE) + ": " + v));
    external.web().ifPresent(v -> ways.add(wording.label("channel", Channel.WEB_LINK) + ": " + v));
    return ways.isEmpty() ? wording.unstated() : String.join("; ", ways);
  }

  private String names(List<String> ids, Function<String, Optional<String>> lookup) {
    return wording.join(
        ids.stream().map(id -> lookup.apply(id).orElse(wording.orUnstated(id))).toList());
  }
}
