-- Foundation: keys, staff and client principals, API tokens, subject sessions, the audit chain,
-- and db-scheduler's task table. Written once for H2 (in PostgreSQL mode) and PostgreSQL.

-- Fingerprints of the shared keys; a node whose keys differ refuses to start.
create table key_fingerprint (
  name        varchar(64)  primary key,
  fingerprint varchar(128) not null,
  recorded_at timestamp with time zone not null
);

create table staff_user (
  id                   uuid primary key,
  username             varchar(64)  not null unique,
  display_name         varchar(200) not null,
  role                 varchar(16)  not null,
  password_hash        varchar(255) not null,
  must_change_password boolean      not null,
  disabled             boolean      not null,
  created_at           timestamp with time zone not null
);

-- Failed logins per keyed hash of the user name, so unknown names are throttled the same way.
create table login_throttle (
  key_hash     varchar(64) primary key,
  failures     integer     not null,
  last_failure timestamp with time zone not null,
  locked_until timestamp with time zone
);

create table client_account (
  id         uuid primary key,
  name       varchar(128) not null unique,
  kind       varchar(32)  not null,
  disabled   boolean      not null,
  created_at timestamp with time zone not null
);

-- Tokens are shown once; only their SHA-256 is kept.
create table api_token (
  id           uuid primary key,
  token_hash   varchar(64)  not null unique,
  owner_kind   varchar(16)  not null,
  owner_id     uuid         not null,
  name         varchar(128) not null,
  scopes       varchar(2000) not null,
  created_at   timestamp with time zone not null,
  expires_at   timestamp with time zone not null,
  revoked_at   timestamp with time zone,
  last_used_at timestamp with time zone
);
create index api_token_owner on api_token (owner_kind, owner_id);

-- A person who proved possession of an email or phone; subject_ref is a keyed hash, never the value.
create table subject_session (
  id            uuid primary key,
  token_hash    varchar(64) not null unique,
  identity_type varchar(32) not null,
  subject_ref   varchar(128) not null,
  created_at    timestamp with time zone not null,
  expires_at    timestamp with time zone not null,
  revoked_at    timestamp with time zone
);

-- The audit chain. audit_head holds the single row that writers lock to append.
create table audit_head (
  id   integer primary key,
  seq  bigint      not null,
  hash varchar(64) not null
);
insert into audit_head (id, seq, hash)
values (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

create table audit_entry (
  seq         bigint       primary key,
  at          timestamp with time zone not null,
  actor_type  varchar(16)  not null,
  actor_id    varchar(64)  not null,
  action      varchar(64)  not null,
  object_type varchar(64)  not null,
  object_id   varchar(128) not null,
  outcome     varchar(16)  not null,
  detail      varchar(2000),
  prev_hash   varchar(64)  not null,
  hash        varchar(64)  not null
);

create table audit_checkpoint (
  seq        bigint primary key,
  hash       varchar(64)   not null,
  signed_at  timestamp with time zone not null,
  key_id     varchar(64)   not null,
  signature  varchar(512)  not null
);

-- db-scheduler's table (its documented schema), shared by every node.
create table scheduled_tasks (
  task_name            varchar(100) not null,
  task_instance        varchar(100) not null,
  task_data            bytea,
  execution_time       timestamp with time zone not null,
  picked               boolean not null,
  picked_by            varchar(50),
  last_success         timestamp with time zone,
  last_failure         timestamp with time zone,
  consecutive_failures integer,
  last_heartbeat       timestamp with time zone,
  version              bigint not null,
  priority             smallint,
  primary key (task_name, task_instance)
);
create index execution_time_idx on scheduled_tasks (execution_time);
create index last_heartbeat_idx on scheduled_tasks (last_heartbeat);
create index priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc);
