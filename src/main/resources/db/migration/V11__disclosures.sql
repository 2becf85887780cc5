-- Disclosures of a subject's data to recipients of the policy, and the GDPR Art. 14 notices owed
-- to people whose data came from somewhere else. Ids and policy ids only: no personal data.

-- One row per disclosure to one recipient. categories: comma-separated category ids. The access
-- report (GDPR Art. 15(1)(c)), Art. 19 notifications and Shine the Light answers read this table.
create table vault_disclosure (
  id           uuid primary key,
  subject_id   uuid          not null,
  recipient    varchar(64)   not null,
  categories   varchar(1000) not null,
  disclosed_at timestamp with time zone not null,
  purpose      varchar(64)   not null,
  legal_basis  varchar(128)  not null,
  reason       varchar(500),
  actor_type   varchar(16)   not null,
  actor_id     varchar(64)   not null,
  recorded_at  timestamp with time zone not null
);
create index vault_disclosure_subject on vault_disclosure (subject_id, disclosed_at);
create index vault_disclosure_recipient on vault_disclosure (recipient, disclosed_at);

-- GDPR Art. 14(3): a person whose data came from an indirect source is told within a reasonable
-- period, at the latest one month. One open row per subject and source; notified_at and method
-- record when and how they were told.
create table art14_notice (
  id          uuid primary key,
  subject_id  uuid        not null,
  source      varchar(64) not null,
  obtained_at timestamp with time zone not null,
  due_at      timestamp with time zone not null,
  due_date    date        not null,
  rule        varchar(64) not null,
  notified_at timestamp with time zone,
  method      varchar(32),
  created_at  timestamp with time zone not null
);
create index art14_notice_open on art14_notice (notified_at, due_at);
create index art14_notice_subject on art14_notice (subject_id, source);
