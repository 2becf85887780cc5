-- The vault: data subjects, their identities as keyed hashes, and records whose values are
-- encrypted under a key per subject. The keys live in the keyring, a separate database, so this
-- store (and every backup of it) holds ciphertext and hashes only. Written for H2 (PostgreSQL
-- mode) and PostgreSQL.

create table vault_subject (
  id                 uuid primary key,
  subject_type       varchar(64) not null,
  relationship_start date,
  relationship_end   date,
  -- null: not known; the date of birth itself is an encrypted record.
  under_13           boolean,
  created_at         timestamp with time zone not null
);

-- hash = HMAC-SHA256 under the identity-index key of "type:normalised value"; unique, so a lookup
-- is one index probe and one identity belongs to at most one subject.
create table vault_identity (
  hash          varchar(128) primary key,
  subject_id    uuid        not null references vault_subject (id),
  identity_type varchar(64) not null,
  added_at      timestamp with time zone not null
);
create index vault_identity_subject on vault_identity (subject_id);

-- value_ciphertext: Tink AES-256-GCM under the subject's key, associated data = record id + subject
-- id. purposes: comma-separated purpose ids.
create table vault_record (
  id               uuid primary key,
  subject_id       uuid          not null references vault_subject (id),
  category         varchar(64)   not null,
  source           varchar(64)   not null,
  system           varchar(64)   not null,
  purposes         varchar(1000) not null,
  legal_basis      varchar(128)  not null,
  collected_at     timestamp with time zone not null,
  notice_version   varchar(64),
  value_ciphertext bytea         not null,
  rectified_at     timestamp with time zone
);
create index vault_record_subject on vault_record (subject_id);

-- Who rectified a record and why; the old value is not kept.
create table vault_rectification (
  id           uuid primary key,
  record_id    uuid         not null,
  subject_id   uuid         not null,
  at           timestamp with time zone not null,
  actor_type   varchar(16)  not null,
  actor_id     varchar(64)  not null,
  reason       varchar(500) not null
);
create index vault_rectification_record on vault_rectification (record_id);

-- A merged subject's id keeps pointing at the subject that absorbed it.
create table vault_subject_merge (
  merged_id   uuid primary key,
  survivor_id uuid not null,
  merged_at   timestamp with time zone not null
);

-- What is left of an erased subject. completed_at is null while the erasure is under way.
create table vault_tombstone (
  subject_id   uuid primary key,
  erased_at    timestamp with time zone not null,
  reason       varchar(500) not null,
  request_id   varchar(64),
  completed_at timestamp with time zone
);

-- The erased subject's identity hashes, so a returning person is recognised.
create table vault_tombstone_identity (
  hash       varchar(128) not null,
  subject_id uuid         not null references vault_tombstone (subject_id),
  primary key (hash, subject_id)
);

-- Records an exemption keeps after erasure, encrypted under the key of that exemption for that
-- subject (associated data = record id + subject id + exemption). Gone when the exemption expires.
create table vault_exempt_record (
  id               uuid primary key,
  subject_id       uuid          not null references vault_tombstone (subject_id),
  exemption        varchar(64)   not null,
  category         varchar(64)   not null,
  source           varchar(64)   not null,
  system           varchar(64)   not null,
  purposes         varchar(1000) not null,
  legal_basis      varchar(128)  not null,
  collected_at     timestamp with time zone not null,
  notice_version   varchar(64),
  value_ciphertext bytea         not null,
  expires_at       timestamp with time zone not null
);
create index vault_exempt_record_subject on vault_exempt_record (subject_id);
create index vault_exempt_record_expiry on vault_exempt_record (expires_at);
