-- The consent ledger, opt-outs of sale/sharing and of sensitive-data use, and which devices are
-- linked to which subjects. Append-only: nothing here is updated or deleted by Steward; the
-- current state of a person or device is derived from the events. Written for H2 (PostgreSQL mode)
-- and PostgreSQL. No personal data: subject ids, opaque device (consent) ids, keyed identity
-- hashes, policy ids and codes.

-- One event of a consent: given, refused, withdrawn, expired or reconsented. Fields modelled on
-- ISO/IEC TS 27560 and the Kantara Consent Receipt 1.1 (RULES.md, "Consent records"): who
-- (subject and/or device), to whom (controller), on which notice (version and SHA-256 of its
-- exact file), for what (purposes, categories, legal basis as a W3C DPV id), how (method), when,
-- until when, how to take it back, and the evidence. consent_id ties the events of one consent
-- together (the first event's id). purposes, categories, withdrawal: comma-separated ids.
create table consent_event (
  id             uuid primary key,
  consent_id     uuid          not null,
  subject_id     uuid,
  device_id      varchar(128),
  kind           varchar(16)   not null, -- given, refused, withdrawn, expired, reconsented
  controller     varchar(64)   not null,
  purposes       varchar(1000) not null,
  categories     varchar(1000) not null,
  legal_basis    varchar(128)  not null,
  notice_version varchar(64)   not null,
  notice_hash    varchar(64)   not null,
  method         varchar(32)   not null, -- form, banner, api, email, phone, paper, request
  occurred_at    timestamp with time zone not null,
  expires_at     timestamp with time zone,
  withdrawal     varchar(200)  not null,
  evidence       varchar(200)  not null,
  source         varchar(100)  not null, -- form:<id>, request:<id>, api, banner, migration
  recorded_at    timestamp with time zone not null
);
create index consent_event_subject on consent_event (subject_id, occurred_at);
create index consent_event_device on consent_event (device_id, occurred_at);

-- Consent given through the collection forms before the ledger existed: each consent_record row is
-- its "given" event, under the same id, so no consent is lost and receipts keep their ids.
insert into consent_event
  (id, consent_id, subject_id, device_id, kind, controller, purposes, categories, legal_basis,
   notice_version, notice_hash, method, occurred_at, expires_at, withdrawal, evidence, source,
   recorded_at)
select id, id, subject_id, null, 'given', controller, purposes, categories, legal_basis,
       notice_version, notice_hash, 'form', given_at, expires_at, withdrawal, evidence_hash,
       'form:' || form_id, given_at
  from consent_record;

-- Withdrawals recorded by fulfilment before the ledger existed: one event per withdrawn purpose,
-- and one for the whole record where it was withdrawn without naming purposes.
insert into consent_event
  (id, consent_id, subject_id, device_id, kind, controller, purposes, categories, legal_basis,
   notice_version, notice_hash, method, occurred_at, expires_at, withdrawal, evidence, source,
   recorded_at)
select gen_random_uuid(), r.id, r.subject_id, null, 'withdrawn', r.controller, w.purpose,
       r.categories, r.legal_basis, r.notice_version, r.notice_hash, 'request', w.withdrawn_at,
       null, r.withdrawal, coalesce('request:' || cast(w.request_id as varchar(36)), 'migration'),
       'migration', w.withdrawn_at
  from consent_purpose_withdrawal w join consent_record r on r.id = w.consent_record_id;
insert into consent_event
  (id, consent_id, subject_id, device_id, kind, controller, purposes, categories, legal_basis,
   notice_version, notice_hash, method, occurred_at, expires_at, withdrawal, evidence, source,
   recorded_at)
select gen_random_uuid(), r.id, r.subject_id, null, 'withdrawn', r.controller, r.purposes,
       r.categories, r.legal_basis, r.notice_version, r.notice_hash, 'request', r.withdrawn_at,
       null, r.withdrawal, 'migration', 'migration', r.withdrawn_at
  from consent_record r
 where r.withdrawn_at is not null
   and not exists (select 1 from consent_purpose_withdrawal w where w.consent_record_id = r.id);

-- Opt-outs (and opt-ins back) of sale/sharing and of the use of sensitive data (CCPA
-- 1798.120, 1798.121), per party: 'device:<consent id>', 'subject:<uuid>' or 'identity:<keyed
-- hash>' for a person Steward does not know. source: gpc (the Sec-GPC header), api, request, banner.
create table opt_out_event (
  id          uuid primary key,
  party       varchar(200) not null,
  kind        varchar(24)  not null, -- sale_sharing, sensitive_use
  action      varchar(16)  not null, -- opt_out, opt_in
  source      varchar(24)  not null,
  reference   varchar(100),
  occurred_at timestamp with time zone not null
);
create index opt_out_event_party on opt_out_event (party, occurred_at);

-- A device (the consent id a banner keeps in a first-party cookie) known to belong to a subject:
-- a signal from the device reaches the subject too (11 CCR 7025(c)(1)).
create table consent_device_link (
  device_id  varchar(128) not null,
  subject_id uuid         not null,
  linked_at  timestamp with time zone not null,
  primary key (device_id, subject_id)
);
create index consent_device_link_subject on consent_device_link (subject_id);
