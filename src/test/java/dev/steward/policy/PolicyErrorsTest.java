package dev.steward.policy;

import static dev.steward.policy.Fixtures.check;
import static dev.steward.policy.Fixtures.checkMinimalWith;
import static dev.steward.policy.Fixtures.minimal;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** One broken fixture per class of error; each asserts the exact location and message. */
class PolicyErrorsTest {

  private static void assertErrors(CheckReport report, String... formatted) {
    assertThat(report.errors()).extracting(Problem::format).containsExactly(formatted);
    assertThat(report.policy()).isEmpty();
  }

  @Test
  void check_minimalPolicy_hasNoProblem() {
    assertThat(check(minimal()).problems()).isEmpty();
  }

  @Test
  void check_unclosedFlowList_reportsYamlSyntaxWhereTheParserStopped() {
    assertErrors(
        checkMinimalWith("roles: [controller]", "roles: [controller"),
        "policy.yaml:10:13: error: YAML syntax: expected ',' or ']', but got : (while parsing a flow"
            + " sequence) (hint: check the indentation (spaces only) and the ':' and '-' around this"
            + " point)");
  }

  @Test
  void check_breachNoticeToIndividuals_countedFromItsOwnNotice_isAnError() {
    assertErrors(
        checkMinimalWith(
            "      - {type: access, verification: possession, exercise: [email]}\n",
            "      - {type: access, verification: possession, exercise: [email]}\n"
                + "    breach:\n"
                + "      - {to: individuals, timing: within, within: {count: calendar_days,"
                + " amount: 30}, counted_from: individuals_notified}\n"),
        "policy.yaml:39:101: error: the notice to individuals cannot count from itself (hint: use"
            + " 'awareness', or put 'individuals_notified' on the regulator's notice)");
  }

  @Test
  void check_recipientNoticeContact_thatIsNeitherMailtoNorHttps_isAnErrorAtTheValue() {
    assertErrors(
        checkMinimalWith(
            "retention:\n",
            "recipients:\n"
                + "  - {id: crm, name: CRM provider, kind: processor, categories: [contact.email],"
                + " notice_contact: http://crm.example/art19}\n"
                + "retention:\n"),
        "policy.yaml:26:97: error: 'notice_contact' must be a mailto: address or an https://"
            + " address, not 'http://crm.example/art19' (hint: e.g."
            + " mailto:privacy@recipient.example or https://recipient.example/art19)");
    assertThat(
            checkMinimalWith(
                    "retention:\n",
                    "recipients:\n"
                        + "  - {id: crm, name: CRM provider, kind: processor,"
                        + " categories: [contact.email], notice_contact: mailto:dpo@crm.example}\n"
                        + "retention:\n")
                .policy()
                .orElseThrow()
                .recipients()
                .get(0)
                .noticeContact())
        .contains("mailto:dpo@crm.example");
  }

  @Test
  void check_unknownKey_suggestsNearestKey() {
    assertErrors(
        checkMinimalWith("legal_name: Acme", "legal_nmae: Acme"),
        "policy.yaml:7:5: error: unknown key 'legal_nmae' in an entity (hint: did you mean"
            + " 'legal_name'?)");
  }

  @Test
  void check_missingRequiredKey_pointsAtTheMapping() {
    assertErrors(
        checkMinimalWith("    name: Providing the service\n", ""),
        "policy.yaml:20:5: error: missing required key 'name' in a purpose (hint: add 'name:')");
  }

  @Test
  void check_undeclaredCategory_suggestsDeclaredId() {
    assertErrors(
        checkMinimalWith("categories: [contact.email]", "categories: [contact.emial]"),
        "policy.yaml:23:18: error: unknown category 'contact.emial' (hint: did you mean"
            + " 'contact.email'?)");
  }

  @Test
  void check_duplicateId_pointsAtTheSecondDeclaration() {
    assertErrors(
        checkMinimalWith(
            "  - {id: customers, name: Customers}\n",
            "  - {id: customers, name: Customers}\n  - {id: customers, name: Clients}\n"),
        "policy.yaml:14:10: error: duplicate subject type id 'customers' (hint: already declared at"
            + " policy.yaml:13; ids must be unique)");
  }

  @Test
  void check_legalBasisNotDpv_suggestsDpvId() {
    assertErrors(
        checkMinimalWith("[dpv:Contract]", "[dpv:Contrakt]"),
        "policy.yaml:22:19: error: 'dpv:Contrakt' is not a W3C DPV legal basis (hint: did you mean"
            + " 'dpv:Contract'?)");
  }

  @Test
  void check_consentPurposeWithoutWithdrawal_isAnError() {
    assertErrors(
        checkMinimalWith("[dpv:Contract]", "[dpv:Consent]"),
        "policy.yaml:22:5: error: purpose 'service' relies on consent but names no withdrawal route"
            + " (hint: add 'withdrawal: [unsubscribe_link]' or another channel (GDPR Art. 7(3)))");
  }

  @Test
  void check_legitimateInterestWithoutObjectionRight_isAnError() {
    assertErrors(
        checkMinimalWith("[dpv:Contract]", "[dpv:LegitimateInterest]"),
        "policy.yaml:36:5: error: jurisdiction 'gdpr' does not grant objection, but purpose"
            + " 'service' relies on legitimate interest (hint: add a right of type 'objection'"
            + " (GDPR Art. 21(1)))");
  }

  @Test
  void check_specialCategoryWithoutArt9Condition_isAnError() {
    assertErrors(
        checkMinimalWith(
            "      - {id: contact.email, name: Email address}\n",
            "      - {id: contact.email, name: Email address}\n"
                + "  - {id: health, name: Health data, special: true}\n"),
        "policy.yaml:19:46: error: special category 'health' names no Art. 9 condition (hint: add"
            + " 'art9_condition:' such as art9_2_a (explicit consent))");
  }

  @Test
  void check_transferOutOfEeaWithoutMechanism_isAnError() {
    assertErrors(
        check(minimal() + "transfers:\n  - id: to-us\n    from: IE\n    to: [US]\n"),
        "policy.yaml:43:5: error: transfer 'to-us' takes data out of the EEA to US without a"
            + " mechanism (hint: add 'mechanisms:' with eu_adequacy, eu_scc, uk_idta, uk_addendum,"
            + " bcr or derogation_art49 (GDPR Chapter V))");
  }

  @Test
  void check_retentionRuleWithUnknownCategory_isAnError() {
    assertErrors(
        checkMinimalWith("categories: [contact], period", "categories: [contacts], period"),
        "policy.yaml:26:39: error: retention rule 'after-contract' names unknown category"
            + " 'contacts' (hint: did you mean 'contact'?)");
  }

  @Test
  void check_rightWithoutDeadline_isAnError() {
    assertErrors(
        checkMinimalWith("    deadline: {count: gdpr_months, amount: 1}\n", ""),
        "policy.yaml:36:16: error: jurisdiction 'gdpr' grants 'access' but sets no deadline for it"
            + " (hint: add 'deadline:' to this right or a default 'deadline:' to the jurisdiction)");
  }

  @Test
  void check_formFieldWithoutCategory_isAnError() {
    String form =
        "forms:\n  - id: signup\n    name: Sign up\n    purposes: [service]\n    subject_type: customers\n    fields:\n"
            + "      - {name: email, categories: [contact.email]}\n      - {name: nickname}\n";
    assertErrors(
        check(minimal() + form),
        "policy.yaml:47:10: error: form field 'nickname' is mapped to no category (hint: add"
            + " 'categories: [contact.email]' so the data it collects is declared)");
  }

  @Test
  void check_formWithoutSubjectType_isAnError() {
    String form =
        "forms:\n  - id: signup\n    name: Sign up\n    purposes: [service]\n    fields:\n"
            + "      - {name: email, categories: [contact.email]}\n";

    assertThat(check(minimal() + form).errors())
        .extracting(Problem::format)
        .anySatisfy(message -> assertThat(message).contains("subject_type"));
  }

  @Test
  void check_formCollectingFromAKindOfPersonNoneOfItsPurposesConcerns_isAnError() {
    String form =
        "forms:\n  - id: signup\n    name: Sign up\n    purposes: [service]\n"
            + "    subject_type: visitors\n    fields:\n"
            + "      - {name: email, categories: [contact.email]}\n";
    String visitors = "subject_types:\n  - {id: visitors, name: Visitors}\n";

    assertThat(check(minimal().replace("subject_types:\n", visitors) + form).errors())
        .extracting(Problem::format)
        .anySatisfy(
            message ->
                assertThat(message)
                    .contains("form 'signup' collects from 'visitors', whom none of its purposes"));
  }

  @Test
  void check_datedCalendarMissingCurrentYear_isAnError() {
    String calendar =
        "  - id: cn\n    source: dated\n    zone: Asia/Shanghai\n    years:\n"
            + "      2024: {holidays: [2024-01-01], working_days: []}\n";
    assertErrors(
        check(minimal() + calendar),
        "policy.yaml:43:5: error: dated calendar 'cn' has no data for 2025, which the current year"
            + " needs; the last year it covers is 2024 (hint: add the holidays and adjusted working"
            + " days announced for 2025)");
  }

  @Test
  void check_deadlineRunningIntoTheNextUnannouncedYear_isAWarningNotAnError() {
    // No zone of its own: the 'gdpr' jurisdiction counts on it in Dublin.
    String calendar =
        "  - id: cn\n    source: dated\n    years:\n"
            + "      2025: {holidays: [2025-01-01], working_days: []}\n";
    String yaml =
        (minimal() + calendar)
            .replace("effective_date: 2025-01-01", "effective_date: 2025-12-20")
            .replace("calendar: ie", "calendar: cn");
    CheckReport report = check(yaml);
    assertThat(report.errors()).isEmpty();
    assertThat(report.warnings())
        .extracting(Problem::format)
        .contains(
            "policy.yaml:42:5: warning: dated calendar 'cn' has no data for 2026, which a deadline"
                + " counted from 2025-12-20 needs; the last year it covers is 2025 (hint: add the"
                + " holidays and adjusted working days for 2026 once announced; until then such"
                + " deadlines are not counted and the requests are listed as having a clock gap)");
  }

  @Test
  void check_duplicateKey_pointsAtTheSecondKey() {
    assertErrors(
        checkMinimalWith("    country: IE\n", "    country: IE\n    country: GB\n"),
        "policy.yaml:9:5: error: duplicate key 'country' (hint: it is already set at line 8; keep"
            + " one of them)");
  }

  @Test
  void check_listAtTheRoot_isAnError() {
    assertErrors(
        check("- just\n- a list\n"),
        "policy.yaml:1:1: error: a policy file must be a mapping of sections, but this is a list"
            + " (hint: start with 'version:' and the other top-level sections)");
  }

  @Test
  void check_emptyFile_isAnError() {
    assertErrors(
        check("# nothing here\n"), "policy.yaml:1:1: error: the file holds no YAML document");
  }

  @Test
  void check_dpoWithNeitherContactNorExternal_isAnError() {
    assertErrors(
        check(minimal() + "dpo: {entity: acme}\n"),
        "policy.yaml:40:6: error: the DPO names neither 'contact' nor 'external' (hint: a DPO on the staff is reached through a contact route of an entity ('contact'); one serving under a service contract (GDPR Art. 37(6)) has channels of their own ('external'): give one of the two)");
  }

  @Test
  void check_dpoWithContactAndExternal_isAnError() {
    assertErrors(
        check(
            minimal()
                + "dpo:\n  entity: acme\n  contact: privacy\n"
                + "  external: {name: Dr. A. Example, email: dpo@example.org}\n"),
        "policy.yaml:43:3: error: the DPO has both 'contact' and 'external' (hint: a DPO on the staff is reached through a contact route of an entity ('contact'); one serving under a service contract (GDPR Art. 37(6)) has channels of their own ('external'): give one of the two)");
  }

  @Test
  void check_externalDpoWithoutChannel_isAnError() {
    assertErrors(
        check(minimal() + "dpo:\n  entity: acme\n  external: {name: Dr. A. Example}\n"),
        "policy.yaml:42:13: error: the external DPO has no channel (hint: give at least one of post, email, phone, web)");
  }

  @Test
  void check_gdprParentalConsentBelow13_isAnError() {
    assertErrors(
        checkMinimalWith("    rights:\n", "    parental_consent: {age: 12}\n    rights:\n"),
        "policy.yaml:36:29: error: the parental consent age 12 under 'gdpr' is below 13, the lowest GDPR Art. 8(1) allows (hint: use an age from 13 to 16; 16 where the member state set none)");
  }

  @Test
  void check_gdprParentalConsentForAStateOutsideTheEea_isAnError() {
    assertErrors(
        checkMinimalWith(
            "    rights:\n",
            "    parental_consent: {age: 16, countries: {AT: 14, US: 13}}\n    rights:\n"),
        "policy.yaml:36:53: error: 'US' is not a state of the EEA (hint: GDPR Art. 8(1) lets the member states set their own age: list only those)");
  }

  @Test
  void check_serviceDirectedAtChildrenWithMinimumAge_isAnError() {
    String yaml =
        minimal()
            .replace("    rights:\n", "    minimum_age: 13\n    rights:\n")
            .replace("version: \"1\"\n", "version: \"1\"\ndirected_at_children: true\n");
    assertErrors(
        check(yaml),
        "policy.yaml:37:18: error: the service is directed at children, yet jurisdiction 'gdpr' says no data of anyone under 13 is knowingly collected (hint: remove 'minimum_age' and state the ages of parental consent ('parental_consent'), or set 'directed_at_children: false')");
  }

  @Test
  void check_financialYearEndingOn29February_isAnError() {
    assertErrors(
        check(minimal() + "financial_year_end: \"02-29\"\n"),
        "policy.yaml:40:21: error: a financial year cannot end on 29 February, which most years lack (hint: use \"02-28\")");
  }

  @Test
  void check_financialYearEndThatIsNoDay_isAnError() {
    assertErrors(
        check(minimal() + "financial_year_end: 13-01\n"),
        "policy.yaml:40:21: error: '13-01' is not a day of the year (hint: write the financial year's last day as MM-DD, e.g. \"03-31\")");
  }

  @Test
  void check_marketingObjectionOnAnotherRight_isAnError() {
    assertErrors(
        checkMinimalWith(
            "{type: access, verification: possession, exercise: [email]}",
            "{type: access, verification: possession, exercise: [email],"
                + " direct_marketing: {verification: none, exercise: [email]}}"),
        "policy.yaml:37:69: error: only an objection right says how an objection to direct marketing is made (hint: move 'direct_marketing:' to the right of type 'objection')");
  }

  @Test
  void check_systemInAnUnknownArea_isAnError() {
    assertErrors(
        check(
            minimal()
                + "systems:\n  - {id: crm, name: CRM, owner: acme, location: EUR, processor: true}\n"),
        "policy.yaml:41:49: error: 'EUR' is not a country code (hint: use an ISO 3166-1 alpha-2 code such as GB, US, CN or one of EEA, EU, unstated)");
  }

  @Test
  void check_noSalePromiseWithASellingPurpose_isAnError() {
    String yaml =
        minimal()
            .replace(
                "    subject_types: [customers]\n",
                "    subject_types: [customers]\n    sale_or_sharing: true\n")
            .replace("    rights:\n", "    commitments: [no_sale]\n    rights:\n");
    assertErrors(
        check(yaml),
        "policy.yaml:37:19: error: jurisdiction 'gdpr' promises no sale, but purposes sell or share data: service (hint: drop the promise, or 'sale_or_sharing' from those purposes)");
  }

  @Test
  void check_formForAPurposeWithoutLegalBasis_isAnError() {
    String form =
        "forms:\n  - id: signup\n    name: Sign up\n    purposes: [service]\n    subject_type: customers\n    fields:\n"
            + "      - {name: email, categories: [contact.email]}\n";
    assertErrors(
        check(minimal().replace("[dpv:Contract]", "unstated") + form),
        "policy.yaml:43:16: error: form 'signup' collects for purpose 'service', which states no legal basis (hint: state the purpose's 'legal_bases' before a form collects for it (GDPR Art. 6(1)))");
  }

  @Test
  void check_severalErrors_reportsAllInPositionOrder() {
    String yaml =
        minimal()
            .replace("legal_name: Acme", "legal_nmae: Acme")
            .replace("[dpv:Contract]", "[dpv:Contrakt]")
            .replace("calendar: ie", "calendar: iee");
    assertThat(check(yaml).errors())
        .extracting(problem -> problem.line() + ":" + problem.column())
        .containsExactly("7:5", "22:19", "32:15");
  }

  @Test
  void check_retentionRuleKeepingAChildsDataForAPeriod_pointsAtThePeriod() {
    assertErrors(
        checkMinimalWith(
            "period: P1Y, start: relationship_end", "period: P1Y, start: learned_under_13"),
        "policy.yaml:26:57: error: retention rule 'after-contract' keeps a child's data for P1Y"
            + " after learning the child is under 13 (hint: use 'period: P0D': the data is deleted"
            + " as soon as this is learned)");
  }

  @Test
  void check_retentionRuleWithNegativePeriod_pointsAtThePeriod() {
    assertErrors(
        checkMinimalWith("period: P1Y,", "period: P-1Y,"),
        "policy.yaml:26:57: error: retention rule 'after-contract' has a negative period (hint:"
            + " count forward from the start event: P6Y, P30D, P0D)");
  }

  @Test
  void check_topicsOnAPurposeThatIsNotDirectMarketing_isAnErrorAtTheKey() {
    assertErrors(
        checkMinimalWith(
            "    subject_types: [customers]\n",
            "    subject_types: [customers]\n    topics:\n      - {id: news, name: News}\n"),
        "policy.yaml:26:7: error: topics belong to direct-marketing purposes only (hint: add"
            + " 'direct_marketing: true' or remove 'topics')");
  }

  @Test
  void check_topicDeclaredTwiceOrWithABadId_pointsAtEachId() {
    assertErrors(
        checkMinimalWith(
            "    subject_types: [customers]\n",
            "    subject_types: [customers]\n    direct_marketing: true\n    topics:\n"
                + "      - {id: news, name: News}\n      - {id: news, name: More news}\n"
                + "      - {id: Big News, name: Shouting}\n"),
        "policy.yaml:28:14: error: topic 'news' is declared twice in this purpose (hint: rename"
            + " one)",
        "policy.yaml:29:14: error: 'Big News' is not a valid id (hint: use lower-case letters,"
            + " digits, '_', '.', '-')");
  }
}
