// Decodes each GPP string given as an argument with the IAB's JavaScript library and prints one
// JSON line per string with the usnat fields GppRoundTripTest compares. Run by that test.
import { GppModel } from '@iabgpp/cmpapi';

for (const gpp of process.argv.slice(2)) {
  const model = new GppModel(gpp);
  const field = (name) => model.getFieldValue('usnat', name);
  console.log(
    JSON.stringify({
      sections: model.getSectionIds(),
      saleOptOut: field('SaleOptOut'),
      sharingOptOut: field('SharingOptOut'),
      targetedAdvertisingOptOut: field('TargetedAdvertisingOptOut'),
      sensitiveDataProcessing: field('SensitiveDataProcessing'),
      sensitiveDataLimitUseNotice: field('SensitiveDataLimitUseNotice'),
      saleOptOutNotice: field('SaleOptOutNotice'),
      mspaCoveredTransaction: field('MspaCoveredTransaction'),
      gpcSegmentIncluded: field('GpcSegmentIncluded'),
      gpc: field('Gpc'),
    }),
  );
}
