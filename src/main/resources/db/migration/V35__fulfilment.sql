-- Fulfilment of rights requests: one task per request, system and operation, run by db-scheduler;
-- the access packages and what was done for the person (restrictions, objections, Art. 19 notices,
-- transmissions, content purges). Personal data appears only sealed under the request's key.
-- Numbered after V30 because V30 is taken by the requests (and import) branches.
-- Written for H2 (PostgreSQL mode) and PostgreSQL.

create table fulfilment_task (
  id            uuid primary key,
  request_id    uuid         not null,
  system_id     varchar(64)  not null,
  operation     varchar(32)  not null,
  status        varchar(16)  not null, -- pending, done, failed
  attempts      integer      not null,
  -- Never personal data: our own messages, or an exception's class name.
  last_error    varchar(500),
  -- JSON: what was done, counts, ids, kept items with their exemption.
  evidence      varchar(20000),
  -- Access items (personal data), Tink AES-256-GCM under the request key.
  result_sealed bytea,
  created_at    timestamp with time zone not null,
  updated_at    timestamp with time zone not null,
  finished_at   timestamp with time zone,
  unique (request_id, system_id, operation)
);
create index fulfilment_task_request on fulfilment_task (request_id);

-- What fulfilment needs of a started request to finish it without reading the request again.
create table fulfilment_plan (
  request_id    uuid primary key,
  request_type  varchar(40)  not null,
  subject_id    uuid,
  language      varchar(8)   not null,
  jurisdictions varchar(500) not null,
  planned_at    timestamp with time zone not null,
  finished_at   timestamp with time zone
);

-- What staff tell fulfilment beyond the request itself (corrections, a portability endpoint,
-- categories kept under an exemption, content URLs), sealed JSON under the request key.
create table fulfilment_instruction (
  request_id  uuid primary key,
  sealed      bytea not null,
  recorded_at timestamp with time zone not null
);

-- Access packages: the ZIP sealed under the request key, served by a signed, expiring link.
create table access_package (
  id          uuid primary key,
  request_id  uuid    not null,
  subject_id  uuid    not null,
  sealed      bytea   not null,
  size_bytes  integer not null,
  created_at  timestamp with time zone not null,
  expires_at  timestamp with time zone not null
);
create index access_package_request on access_package (request_id);

-- GDPR Art. 15(3): the first copy is free; each later one records the fee the policy declares.
create table access_package_download (
  package_id    uuid    not null,
  copy_number   integer not null,
  fee           varchar(200),
  downloaded_at timestamp with time zone not null,
  primary key (package_id, copy_number)
);

-- GDPR Art. 18: a restricted subject's data is stored but not otherwise used.
create table subject_restriction (
  subject_id    uuid primary key,
  request_id    uuid,
  restricted_at timestamp with time zone not null,
  lifted_at     timestamp with time zone
);

-- Objections (GDPR Art. 21) and withdrawals of consent (Art. 7(3)), for the consent ledger and
-- the decision service. purposes: comma-separated policy purpose ids, or '*' for all.
create table subject_objection (
  id          uuid primary key,
  subject_id  uuid          not null,
  kind        varchar(24)   not null, -- objection, consent_withdrawal
  purposes    varchar(1000) not null,
  request_id  uuid,
  recorded_at timestamp with time zone not null
);
create index subject_objection_subject on subject_objection (subject_id);

-- GDPR Art. 19: each recipient told of a rectification, erasure or restriction.
create table recipient_notification (
  id          uuid primary key,
  request_id  uuid         not null,
  recipient   varchar(100) not null,
  channel     varchar(16)  not null, -- email, webhook, none
  operation   varchar(32)  not null,
  outcome     varchar(64)  not null,
  notified_at timestamp with time zone not null,
  unique (request_id, recipient, operation)
);

-- GDPR Art. 20(2): a portability package sent to another controller; host only, no path.
create table portability_transmission (
  id          uuid primary key,
  request_id  uuid         not null,
  host        varchar(255) not null,
  size_bytes  integer      not null,
  status_code integer,
  outcome     varchar(64)  not null,
  sent_at     timestamp with time zone not null
);

-- A business customer's content removal: the purge webhook's answer as evidence.
create table content_purge (
  id              uuid primary key,
  request_id      uuid        not null,
  url_count       integer     not null,
  status_code     integer     not null,
  response_digest varchar(64) not null,
  called_at       timestamp with time zone not null
);
