-- The keyring: a database of its own (an H2 file beside the data store, or its own PostgreSQL
-- database or schema), so a backup of the data store holds no usable key. Back it up separately,
-- with short retention, so destroyed keys age out of its backups.

-- One data key per subject (scope 'subject') or per subject and exemption (scope
-- 'exemption:<id>', with an expiry). wrapped_keyset: a Tink AES-256-GCM keyset encrypted by the
-- master key named in master_key_id, with associated data binding it to owner and scope.
create table data_key (
  owner_id       uuid        not null,
  scope          varchar(80) not null,
  wrapped_keyset bytea       not null,
  master_key_id  varchar(64) not null,
  created_at     timestamp with time zone not null,
  expires_at     timestamp with time zone,
  primary key (owner_id, scope)
);
create index data_key_expiry on data_key (expires_at);
create index data_key_master on data_key (master_key_id);

-- Progress of re-wrapping every data key under a new master key, so an interrupted rotation
-- resumes after the last key it re-wrapped.
create table key_rotation (
  target_master_id varchar(64) primary key,
  started_at       timestamp with time zone not null,
  last_owner_id    uuid,
  last_scope       varchar(80),
  rewrapped        bigint not null,
  finished_at      timestamp with time zone
);
