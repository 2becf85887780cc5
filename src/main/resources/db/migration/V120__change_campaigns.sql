-- Letters telling people of a significant change to the policy: one campaign per published
-- version, and one notice per person, so a campaign resumes after a restart without telling anyone
-- twice, and the store says which version each person was told about.

create table change_campaign (
  id                 uuid primary key,
  policy_version     varchar(64)   not null unique,
  previous_version   varchar(64)   not null,
  -- running, then done
  state              varchar(16)   not null,
  started_by_type    varchar(16)   not null,
  started_by         varchar(64)   not null,
  started_at         timestamp with time zone not null,
  finished_at        timestamp with time zone,
  -- People are listed in batches in subject id order; the next batch starts after this id.
  listed_after       uuid,
  listed             boolean       not null,
  -- Consent-based purposes the change touched: comma-separated ids, asked again, never assumed.
  reconsent_purposes varchar(2000) not null
);

create table change_notice (
  campaign_id uuid        not null references change_campaign (id),
  subject_id  uuid        not null,
  -- pending, sent, or skipped (with the reason: no address left, erased meanwhile)
  state       varchar(16) not null,
  reason      varchar(64),
  outbox_id   uuid,
  decided_at  timestamp with time zone,
  primary key (campaign_id, subject_id)
);
create index change_notice_state on change_notice (campaign_id, state, subject_id);
create index change_notice_subject on change_notice (subject_id);
