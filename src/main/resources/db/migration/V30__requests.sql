-- Rights requests: intake, verification, legal clocks and states. Contact details, free text and
-- uploaded documents exist only sealed under the request's own key (keyring scope 'request'), so
-- destroying that key erases them everywhere; identities are kept as the vault's keyed hashes.
-- Written for H2 (PostgreSQL mode) and PostgreSQL.

create table rights_request (
  id                   uuid primary key,
  reference            varchar(16)  not null unique,
  request_type         varchar(40)  not null,
  document_id          varchar(100),
  residence            varchar(8)   not null,
  language             varchar(8)   not null,
  channel              varchar(20)  not null,
  state                varchar(32)  not null,
  -- Tink AES-256-GCM under the request key: email, phone, details, agent, declarant (JSON).
  contact_sealed       bytea        not null,
  has_email            boolean      not null,
  subject_id           uuid,
  submitted_by_type    varchar(16)  not null,
  submitted_by_id      varchar(64)  not null,
  received_at          timestamp with time zone not null,
  logged_at            timestamp with time zone not null,
  -- Verification steps still needed and done, comma-separated codes (code, documents ...).
  verification_level   varchar(40)  not null,
  verification_needed  varchar(200) not null,
  verification_done    varchar(200) not null,
  identity_received_at timestamp with time zone,
  verified_at          timestamp with time zone,
  governing            varchar(64),
  due_at               timestamp with time zone,
  due_date             date,
  confirm_by           timestamp with time zone,
  confirmed_at         timestamp with time zone,
  paused               boolean      not null,
  extended_at          timestamp with time zone,
  assignee             uuid,
  outcome              varchar(40),
  exemption_id         varchar(100),
  closed_at            timestamp with time zone
);
create index rights_request_due on rights_request (state, due_at);
create index rights_request_confirm on rights_request (confirmed_at, confirm_by);

-- One row per jurisdiction whose clock runs on the request; the earliest due governs.
create table request_clock (
  request_id      uuid        not null references rights_request (id),
  jurisdiction_id varchar(64) not null,
  count_method    varchar(20) not null,
  amount          integer     not null,
  calendar_id     varchar(64) not null,
  counted_from    date        not null,
  days_paused     integer     not null,
  due_date        date,
  due_at          timestamp with time zone,
  confirm_by      timestamp with time zone,
  extended        boolean     not null,
  primary key (request_id, jurisdiction_id)
);

-- The keyed hashes of the identities given at intake, for duplicate detection.
create table request_identity (
  request_id    uuid         not null references rights_request (id),
  identity_hash varchar(128) not null,
  identity_type varchar(64)  not null,
  primary key (request_id, identity_hash)
);
create index request_identity_hash on request_identity (identity_hash);

-- A later submission of the same open request: its own reference, linked instead of forked.
create table request_alias (
  reference   varchar(16) primary key,
  request_id  uuid        not null references rights_request (id),
  channel     varchar(20) not null,
  received_at timestamp with time zone not null
);

-- Clarification pauses of the UK month (UK GDPR Art. 12A); answered_at null while waiting.
create table request_pause (
  request_id  uuid not null references rights_request (id),
  asked_at    timestamp with time zone not null,
  answered_at timestamp with time zone,
  primary key (request_id, asked_at)
);

-- One-time codes (kind 'code', 6 digits) and links (kind 'token'), stored as SHA-256 only.
create table request_challenge (
  id          uuid primary key,
  request_id  uuid        not null references rights_request (id),
  kind        varchar(16) not null,
  secret_hash varchar(128) not null,
  created_at  timestamp with time zone not null,
  expires_at  timestamp with time zone not null,
  attempts    integer     not null,
  used_at     timestamp with time zone
);
create index request_challenge_request on request_challenge (request_id, kind);

-- Uploaded proof (identity, address, parental, agent permission), sealed under the request key.
-- The reviewer's reason is an event note, sealed too.
create table request_document (
  id           uuid primary key,
  request_id   uuid         not null references rights_request (id),
  kind         varchar(32)  not null,
  content_type varchar(100) not null,
  size_bytes   integer      not null,
  sealed       bytea        not null,
  uploaded_at  timestamp with time zone not null,
  status       varchar(16)  not null,
  reviewed_by  varchar(64),
  reviewed_at  timestamp with time zone
);
create index request_document_request on request_document (request_id);

-- Each step of the request's life, for the case view; the audit log holds the same with actors.
-- note_sealed: staff text (reasons, evidence) sealed under the request key.
create table request_event (
  request_id  uuid        not null references rights_request (id),
  seq         integer     not null,
  at          timestamp with time zone not null,
  action      varchar(40) not null,
  from_state  varchar(32),
  to_state    varchar(32) not null,
  actor_type  varchar(16) not null,
  actor_id    varchar(64) not null,
  code        varchar(100),
  note_sealed bytea,
  primary key (request_id, seq)
);
