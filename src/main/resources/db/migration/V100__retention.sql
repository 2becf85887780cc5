-- Retention: legal holds, sweep runs and the outcome of each item a run deletes or keeps.
-- GDPR Art. 5(1)(e): data is kept no longer than the policy's rules say, except what a legal hold
-- keeps (Art. 17(3)(e), the establishment, exercise or defence of legal claims). Ids and codes
-- only: no personal data in these tables. Written for H2 (PostgreSQL mode) and PostgreSQL.

-- scope: subject (target = vault subject id), category (a policy category, its descendants too),
-- system (a data system id, e.g. vault) or case (a rights request's reference, holding its subject).
create table retention_hold (
  id             uuid primary key,
  scope          varchar(16)  not null,
  target         varchar(100) not null,
  reason         varchar(500) not null,
  owner          varchar(100) not null,
  review_on      date         not null,
  placed_at      timestamp with time zone not null,
  placed_by      varchar(64)  not null,
  released_at    timestamp with time zone,
  released_by    varchar(64),
  release_reason varchar(500)
);
create index retention_hold_active on retention_hold (released_at);

-- One sweep. as_of is the instant the rules are counted at, fixed when the run is planned, so a run
-- resumed the next day finishes the same list. running is 'yes' while the run is unfinished and
-- null after: its unique index lets one run at a time be open per store. claim names the process
-- working it, renewed as it goes (claimed_at); a claim silent for two minutes is taken over, so a
-- run whose process was killed finishes on the next start.
create table retention_run (
  id              uuid primary key,
  state           varchar(16)  not null, -- running, finished
  running         varchar(3),
  trigger_kind    varchar(16)  not null, -- job, cli, api
  actor           varchar(100) not null,
  policy_version  varchar(64)  not null,
  as_of           timestamp with time zone not null,
  started_at      timestamp with time zone not null,
  finished_at     timestamp with time zone,
  claim           varchar(36),
  claimed_at      timestamp with time zone,
  certificate     text,
  certificate_sha varchar(64),
  signature       varchar(200),
  key_fingerprint varchar(64)
);
create unique index retention_run_running on retention_run (running);
create index retention_run_started on retention_run (started_at);

-- One item of a run: a vault record, a vault subject erased once none of its records is left, or
-- a category deleted by age in a connected system. outcome: pending until done, then deleted,
-- held (hold_id says which) or failed (after the last attempt).
create table retention_item (
  run_id     uuid         not null references retention_run (id),
  seq        integer      not null,
  rule_id    varchar(64)  not null,
  system_id  varchar(64)  not null,
  kind       varchar(16)  not null, -- record, subject, by-age
  subject_id uuid,
  item_id    varchar(128) not null,
  category   varchar(64),
  due_at     timestamp with time zone not null,
  outcome    varchar(16)  not null,
  hold_id    uuid,
  attempts   integer      not null,
  detail     varchar(4000),
  done_at    timestamp with time zone,
  primary key (run_id, seq)
);
create index retention_item_outcome on retention_item (run_id, outcome);
