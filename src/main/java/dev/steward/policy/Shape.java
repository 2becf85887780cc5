package dev.steward.policy;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The keys allowed, and required, at each place of a policy file. The one list the loader checks
 * against and that {@code docs/policy.schema.json} must agree with (a test compares them): keys
 * marked with a leading {@code *} are required.
 */
final class Shape {
  private static final Map<String, List<String>> KEYS = new LinkedHashMap<>();

  static {
    def(
        "policy",
        "*version *effective_date include regions *entities joint_controllers dpo *subject_types"
            + " identity_types"
            + " *categories sources systems *purposes recipients transfers trackers forms"
            + " *retention exemptions documents *jurisdictions calendars change_notification"
            + " directed_at_children financial_year_end demo translations");
    def("region", "*id *name");
    def("entity", "*id *legal_name *country *roles parent contacts");
    def("contact", "*id *regions attention post email phone web");
    def("joint_controller", "*id *name *entities *arrangement");
    def("dpo", "*entity contact external title");
    def("external_dpo", "*name organisation post email phone web");
    def("subject_type", "*id *name supplied_by_others replacement_contact");
    def("identity_type", "*id *name");
    def(
        "category",
        "*id *name special criminal art9_condition about_others disclose_in_access children");
    def("source", "*id *name *kind categories");
    def("system", "*id *name *owner *location *processor categories connector");
    def(
        "purpose",
        "*id *name *legal_bases *categories *subject_types direct_marketing sale_or_sharing"
            + " profiling withdrawal topics double_opt_in");
    def("topic", "*id *name");
    def(
        "recipient",
        "*id *name *kind legal_name *categories purposes direct_marketing_disclosure country"
            + " notice_contact");
    def("transfer", "*id *from *to mechanisms consent international_organisation categories");
    def("tracker", "*id *name *kind *provider *party *purpose *duration *category categories");
    def("form", "*id *name *fields *purposes consent_field *subject_type source system");
    def("form_field", "*name categories required");
    def("retention_rule", "*id categories purposes *period *start *action");
    def("exemption", "*id *ground rights");
    def("document", "*id *name *kind *contact url");
    def(
        "jurisdiction",
        "*id *name *law *zone *calendar *controller *contact *rights deadline extension"
            + " complaint_authorities breach indirect_collection_notice caloppa consents"
            + " minimum_age parental_consent commitments");
    def("parental_consent", "*age countries");
    def(
        "right",
        "*type *verification *exercise deadline confirm extension fee authorized_agent"
            + " direct_marketing");
    def("marketing_objection", "*verification *exercise");
    def("deadline", "*count *amount calendar");
    def("extension", "*count *amount calendar condition");
    def("complaint_authority", "*name country url");
    def("breach_notice", "*to *timing within condition counted_from more_than");
    def("caloppa", "*do_not_track anonymous_browsing");
    def("pipl_consent", "*id *scope *form purposes");
    def("calendar", "*id *source zone country subdivisions years");
    def("dated_year", "*holidays *working_days");
    def("change_notification", "*channels *scope");
  }

  private Shape() {}

  private static void def(String name, String keys) {
    KEYS.put(name, List.of(keys.split(" ")));
  }

  /** Every place in the file that has a fixed set of keys. */
  static Set<String> definitions() {
    return KEYS.keySet();
  }

  static Set<String> allowed(String definition) {
    Set<String> keys = new LinkedHashSet<>();
    for (String key : of(definition)) {
      keys.add(key.startsWith("*") ? key.substring(1) : key);
    }
    return keys;
  }

  static Set<String> required(String definition) {
    Set<String> keys = new LinkedHashSet<>();
    for (String key : of(definition)) {
      if (key.startsWith("*")) {
        keys.add(key.substring(1));
      }
    }
    return keys;
  }

  private static List<String> of(String definition) {
    List<String> keys = KEYS.get(definition);
    if (keys == null) {
      throw new IllegalStateException("no shape named " + definition);
    }
    return keys;
  }
}
