-- What a disclosure gave a recipient beyond what the policy in force says that recipient receives:
-- 'category:<id>' and 'purpose:<id>' entries, comma-separated; null when within it, or when the
-- policy leaves the recipient's categories and purposes unstated. The disclosure is recorded as
-- it happened either way; this marks it for the privacy team's review (the notice may need to
-- name the recipient's categories, or the disclosure was not one the notice allows).
-- Sized for every category of the categories column (1000 characters) with its 'category:'
-- prefix, plus a purpose. No index: the review list is read now and then, by time range, and an
-- index over every disclosure would cost each import and lock the table while it is built.
alter table vault_disclosure add column outside_policy varchar(12000);
