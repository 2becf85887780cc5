-- What a disclosure gave a recipient beyond what the policy in force says that recipient receives:
-- 'category:<id>' and 'purpose:<id>' entries, comma-separated; null when within it, or when the
-- policy leaves the recipient's categories and purposes unstated. The disclosure is recorded as
-- it happened either way; this marks it for the privacy team's review (the notice may need to
-- name the recipient's categories, or the disclosure was not one the notice allows).
alter table vault_disclosure add column outside_policy varchar(2000);
-- The review list reads flagged disclosures by time; most disclosures are not flagged.
create index vault_disclosure_outside on vault_disclosure (outside_policy, disclosed_at);
