package dev.steward.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Binds what data exists: subject and identity types, the category tree, sources and systems. */
final class DataMapBinder {
  private static final Pattern IDENTITY_TYPE_ID = Pattern.compile("[a-z][a-z0-9_]{0,63}");
  private static final Pattern CONNECTOR_TYPE = Pattern.compile("[a-z][a-z0-9_]{0,31}");
  // A hosting contract often fixes the area (the EU or the EEA), not the country.
  private static final Set<String> SYSTEM_PLACES = Set.of(Values.EU, Values.EEA, Policy.UNSTATED);
  private final Binding binding;

  DataMapBinder(Binding binding) {
    this.binding = binding;
  }

  List<SubjectType> subjectTypes(Fields root) {
    return binding.mappings(root, "subject_types", "subject_type").stream()
        .map(
            f ->
                binding.origin(
                    new SubjectType(
                        Values.id(binding, f),
                        f.text("name"),
                        f.flag("supplied_by_others"),
                        f.flag("replacement_contact")),
                    f))
        .toList();
  }

  /** Custom identity types; their ids become part of hashed identities, so they are strict. */
  List<CustomIdentityType> identityTypes(Fields root) {
    return binding.mappings(root, "identity_types", "identity_type").stream()
        .map(
            f -> {
              String id = f.text("id");
              if (!id.isEmpty() && !IDENTITY_TYPE_ID.matcher(id).matches()) {
                binding.add(
                    f.where("id")
                        .error(
                            "'" + id + "' is not a valid identity type id",
                            "use lower-case letters, digits and '_', starting with a letter"));
              }
              return binding.origin(new CustomIdentityType(id, f.text("name")), f);
            })
        .toList();
  }

  List<Category> categories(Fields root) {
    return categories(root, "categories", null);
  }

  /** The categories under {@code key}; {@code parentId} is null at the root, "" if unknown. */
  private List<Category> categories(Fields parent, String key, String parentId) {
    List<Category> result = new ArrayList<>();
    for (Fields f : binding.mappings(parent, key, "category")) {
      String id = Values.id(binding, f);
      if (parentId != null
          && !parentId.isEmpty()
          && !id.isEmpty()
          && !id.startsWith(parentId + ".")) {
        binding.add(
            f.where("id")
                .error(
                    "category '"
                        + id
                        + "' is a child of '"
                        + parentId
                        + "' but its id does not say so",
                    "name it '" + parentId + "." + id.substring(id.lastIndexOf('.') + 1) + "'"));
      }
      Category category =
          new Category(
              id,
              f.text("name"),
              f.flag("special"),
              f.flag("criminal"),
              f.optionalText("art9_condition"),
              f.flagOrUnstated("about_others"),
              f.flagOrUnstated("disclose_in_access"),
              categories(f, "children", id));
      result.add(binding.origin(category, f));
    }
    return result;
  }

  List<Source> sources(Fields root) {
    return binding.mappings(root, "sources", "source").stream()
        .map(
            f ->
                binding.origin(
                    new Source(
                        Values.id(binding, f),
                        f.text("name"),
                        f.choice("kind", Source.Kind.class),
                        f.texts("categories")),
                    f))
        .toList();
  }

  List<DataSystem> systems(Fields root) {
    return binding.mappings(root, "systems", "system").stream()
        .map(
            f ->
                binding.origin(
                    new DataSystem(
                        Values.id(binding, f),
                        f.text("name"),
                        f.text("owner"),
                        Values.country(binding, f, "location", SYSTEM_PLACES),
                        f.flagOrUnstated("processor"),
                        f.texts("categories"),
                        connector(f)),
                    f))
        .toList();
  }

  /**
   * The {@code connector:} block: a {@code type} and that type's own keys, single values each. The
   * keys a type needs are checked by its connector when the node starts (docs/connectors.md).
   */
  private Optional<Connector> connector(Fields system) {
    Optional<Node> block = system.node().get("connector");
    if (block.isEmpty()) {
      return Optional.empty();
    }
    if (!(block.get() instanceof Node.Mapping mapping)) {
      binding.add(
          block
              .get()
              .location()
              .error(
                  "'connector' must be a mapping, but this is " + block.get().kind(),
                  "write it as 'connector: {type: sql, ...}'"));
      return Optional.empty();
    }
    Map<String, Connector.Setting> settings = new LinkedHashMap<>();
    for (Node.Entry entry : mapping.entries().values()) {
      if (entry.value() instanceof Node.Scalar scalar && !scalar.isEmpty()) {
        settings.put(
            entry.key(), new Connector.Setting(scalar.text().strip(), where(scalar.location())));
      } else {
        binding.add(
            entry
                .value()
                .location()
                .error("'" + entry.key() + "' of a connector must be a single value", ""));
      }
    }
    Connector.Setting type = settings.remove("type");
    if (type == null) {
      binding.add(
          mapping
              .location()
              .error("missing required key 'type' in a connector", "add 'type: sql' (or logs)"));
      return Optional.empty();
    }
    if (!CONNECTOR_TYPE.matcher(type.value()).matches()) {
      binding.add(
          mapping
              .valueLocation("type")
              .error(
                  "'" + type.value() + "' is not a valid connector type",
                  "use lower-case letters, digits and '_', e.g. sql"));
      return Optional.empty();
    }
    return Optional.of(new Connector(type.value(), settings, where(mapping.location())));
  }

  private static String where(Location location) {
    return location.file() + ":" + location.line() + ":" + location.column();
  }
}
