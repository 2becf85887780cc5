package dev.steward.banner;

import com.iab.gpp.encoder.GppModel;
import com.iab.gpp.encoder.field.UsNatField;
import com.iab.gpp.encoder.section.UsNat;
import dev.steward.consent.OptOutKind;
import dev.steward.consent.OptOuts;
import dev.steward.consent.PartyState;
import java.util.Collections;
import java.util.List;

/**
 * A party's opt-outs as an IAB Global Privacy Platform string: the {@code usnat} section (the
 * multi-state US privacy section, in version 1, the one the IAB's Java encoder 3.2.4 writes) with
 * its GPC subsection, encoded with the IAB's Java encoder so that any GPP-aware tag reads it.
 * Values follow the section's specification: for an opt-out field 1 means opted out and 2 did not
 * opt out; for a notice field 1 means the notice was given. Steward gives every notice the section
 * names: the Do Not Sell or Share page and the limit of sensitive use are always offered (Cal. Civ.
 * Code 1798.135(a)).
 */
public final class GppStrings {
  /** Version 1 of {@code usnat} lists 12 sensitive data categories and 2 known-child ones. */
  private static final int SENSITIVE_CATEGORIES = 12;

  private static final int KNOWN_CHILD_CATEGORIES = 2;
  private static final int YES = 1;
  private static final int NO = 2;
  private static final int NOT_APPLICABLE = 0;

  private GppStrings() {}

  /**
   * The GPP string for {@code state}.
   *
   * @param gpcNow the call that asks carries {@code Sec-GPC: 1}
   */
  public static String usNat(PartyState state, boolean gpcNow) {
    boolean sale = state.optedOut(OptOutKind.SALE_SHARING).isPresent();
    boolean sensitive = state.optedOut(OptOutKind.SENSITIVE_USE).isPresent();
    boolean gpc =
        gpcNow
            || OptOuts.Source.GPC
                .code()
                .equals(state.optedOut(OptOutKind.SALE_SHARING).orElse(null));
    GppModel model = new GppModel();
    String section = UsNat.NAME;
    model.setFieldValue(section, UsNatField.SHARING_NOTICE, YES);
    model.setFieldValue(section, UsNatField.SALE_OPT_OUT_NOTICE, YES);
    model.setFieldValue(section, UsNatField.SHARING_OPT_OUT_NOTICE, YES);
    model.setFieldValue(section, UsNatField.TARGETED_ADVERTISING_OPT_OUT_NOTICE, YES);
    model.setFieldValue(section, UsNatField.SENSITIVE_DATA_PROCESSING_OPT_OUT_NOTICE, YES);
    model.setFieldValue(section, UsNatField.SENSITIVE_DATA_LIMIT_USE_NOTICE, YES);
    // "Sharing" under the CPRA is disclosure for cross-context behavioural advertising
    // (1798.140(ah)), so one opt-out of sale/sharing answers all three (1798.120, 11 CCR 7026).
    model.setFieldValue(section, UsNatField.SALE_OPT_OUT, sale ? YES : NO);
    model.setFieldValue(section, UsNatField.SHARING_OPT_OUT, sale ? YES : NO);
    model.setFieldValue(section, UsNatField.TARGETED_ADVERTISING_OPT_OUT, sale ? YES : NO);
    // A limit of sensitive use (1798.121) covers every sensitive category at once.
    model.setFieldValue(
        section,
        UsNatField.SENSITIVE_DATA_PROCESSING,
        Collections.nCopies(SENSITIVE_CATEGORIES, sensitive ? YES : NO));
    model.setFieldValue(
        section,
        UsNatField.KNOWN_CHILD_SENSITIVE_DATA_CONSENTS,
        Collections.nCopies(KNOWN_CHILD_CATEGORIES, NOT_APPLICABLE));
    model.setFieldValue(section, UsNatField.PERSONAL_DATA_CONSENTS, NOT_APPLICABLE);
    // Steward knows of no IAB Multi-State Privacy Agreement signatory status: not covered.
    model.setFieldValue(section, UsNatField.MSPA_COVERED_TRANSACTION, NO);
    model.setFieldValue(section, UsNatField.MSPA_OPT_OUT_OPTION_MODE, NOT_APPLICABLE);
    model.setFieldValue(section, UsNatField.MSPA_SERVICE_PROVIDER_MODE, NOT_APPLICABLE);
    model.setFieldValue(section, UsNatField.GPC_SEGMENT_INCLUDED, true);
    model.setFieldValue(section, UsNatField.GPC, gpc);
    return model.encode();
  }

  /** The section ids the string carries: {@code usnat} only. */
  public static List<Integer> sections() {
    return List.of(UsNat.ID);
  }
}
