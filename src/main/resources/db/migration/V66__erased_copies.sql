-- GDPR Art. 17(1): erasing a person reaches the copies fulfilment made of their data, not only the
-- vault's records. An access package issued before the erasure keeps its row as evidence that it
-- was issued (ids, size, dates, downloads and fees), but its sealed ZIP is cleared and erased_at set,
-- so its link answers 410. A plan whose subject was erased is marked, under the plan's row lock, so
-- a package built from items read before the erasure is stored already erased.
-- Written for H2 (PostgreSQL mode) and PostgreSQL.
alter table access_package alter column sealed drop not null;
alter table access_package add column erased_at timestamp with time zone;
alter table fulfilment_plan add column subject_erased_at timestamp with time zone;
