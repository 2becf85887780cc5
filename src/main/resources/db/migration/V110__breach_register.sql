-- The breach register: incidents, their append-only timeline, notifications made per
-- jurisdiction and audience, and the letters sent to the people affected. Written for H2
-- (PostgreSQL mode) and PostgreSQL. Texts are what staff wrote about the incident; the people
-- affected appear by vault subject id only.

create table breach_incident (
  id                 uuid primary key,
  status             varchar(16)   not null,
  title              varchar(200)  not null,
  what_happened      varchar(4000) not null,
  began_at           timestamp with time zone,
  aware_at           timestamp with time zone not null,
  how_found          varchar(2000) not null,
  -- comma-separated ids of the policy's systems, categories and jurisdictions
  systems            varchar(2000) not null,
  categories         varchar(2000) not null,
  jurisdictions      varchar(1000) not null,
  window_from        timestamp with time zone,
  window_to          timestamp with time zone,
  affected_computed  integer,
  records_computed   integer,
  affected_count     integer,
  affected_reason    varchar(1000),
  consequences       varchar(4000) not null,
  measures           varchar(4000) not null,
  risk               varchar(16)   not null,
  notify_regulator   boolean,
  notify_individuals boolean,
  decision_reasoning varchar(4000),
  decided_at         timestamp with time zone,
  created_at         timestamp with time zone not null,
  updated_at         timestamp with time zone not null
);
create index breach_incident_aware on breach_incident (aware_at);

-- Every change, in order; never updated or deleted.
create table breach_event (
  id          uuid primary key,
  incident_id uuid          not null references breach_incident (id),
  seq         integer       not null,
  at          timestamp with time zone not null,
  actor_type  varchar(16)   not null,
  actor_id    varchar(64)   not null,
  kind        varchar(64)   not null,
  detail      varchar(8000) not null,
  unique (incident_id, seq)
);

-- That a regulator or the people of a jurisdiction were told, and why late when late
-- (GDPR Art. 33(1): "reasons for the delay").
create table breach_notification (
  incident_id  uuid         not null references breach_incident (id),
  jurisdiction varchar(64)  not null,
  audience     varchar(16)  not null,
  notified_at  timestamp with time zone not null,
  late_reason  varchar(2000),
  note         varchar(1000),
  recorded_at  timestamp with time zone not null,
  primary key (incident_id, jurisdiction, audience)
);

-- One letter per incident and person: sending again skips those already written to.
create table breach_letter (
  incident_id uuid        not null references breach_incident (id),
  subject_id  uuid        not null,
  outbox_id   uuid        not null,
  language    varchar(8)  not null,
  sent_at     timestamp with time zone not null,
  primary key (incident_id, subject_id)
);
