-- Consent given through a collection form, and the Idempotency-Key answers of the collection API.

-- Fields modelled on ISO/IEC TS 27560 and the Kantara Consent Receipt 1.1: who (subject), to whom
-- (controller), on which notice (version and the SHA-256 of its exact file), for what (purposes,
-- categories, legal basis as a W3C DPV id), how (collection method), when, until when, how to take
-- it back, and the evidence (form id and a keyed hash of the submission). No personal data.
create table consent_record (
  id             uuid primary key,
  subject_id     uuid          not null,
  controller     varchar(64)   not null,
  notice_version varchar(64)   not null,
  notice_hash    varchar(64)   not null,
  purposes       varchar(1000) not null,
  categories     varchar(1000) not null,
  legal_basis    varchar(128)  not null,
  method         varchar(32)   not null,
  given_at       timestamp with time zone not null,
  expires_at     timestamp with time zone,
  withdrawal     varchar(200)  not null,
  form_id        varchar(64)   not null,
  submission_id  uuid          not null,
  evidence_hash  varchar(128)  not null,
  withdrawn_at   timestamp with time zone
);
create index consent_record_subject on consent_record (subject_id, given_at);

-- A retried submission with the same key gets the same answer. request_hash is the keyed hash of
-- the submission, so a key reused with another body is refused; response is the acknowledgement
-- (ids and times only). completed_at is null while the first attempt is under way.
create table collect_idempotency (
  form_id      varchar(64)   not null,
  idem_key     varchar(200)  not null,
  request_hash varchar(128)  not null,
  response     varchar(2000),
  created_at   timestamp with time zone not null,
  completed_at timestamp with time zone,
  primary key (form_id, idem_key)
);
