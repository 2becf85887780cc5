-- What fulfilment and the request clocks needed beyond V35: consent withdrawn per purpose, and the
-- fee a UK requester paid. Written for H2 (PostgreSQL mode) and PostgreSQL.

-- GDPR Art. 7(3): a withdrawal that names purposes ends consent for those only. A consent record
-- given for several purposes stays live for the others; once every purpose of a record is
-- withdrawn the record also gets consent_record.withdrawn_at. The consent ledger reads both.
create table consent_purpose_withdrawal (
  consent_record_id uuid        not null,
  purpose           varchar(64) not null,
  request_id        uuid,
  withdrawn_at      timestamp with time zone not null,
  primary key (consent_record_id, purpose)
);

-- The subject's type (the policy's subject_types id), read when the request is planned because an
-- erasure takes the subject away: the completion letter of an organisation's contact may ask for a
-- replacement.
alter table fulfilment_plan add column subject_type varchar(64);

-- UK GDPR Art. 12 and ICO guidance: the month runs afresh from the fee, when one is charged.
alter table rights_request add column fee_received_at timestamp with time zone;
