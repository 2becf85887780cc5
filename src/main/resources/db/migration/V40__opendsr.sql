-- OpenDSR (opengdpr/OpenDSR 2.0) processor endpoint. One row per request a controller sent:
-- the Steward request it became (or the open duplicate it was linked to, which several rows may
-- share), the controller's client account and its subject_request_id.
-- The request body is not kept (encoded_request is echoed in the 201 answer only); its SHA-256
-- tells a repeated submission from a different one under the same id. Identities live only in
-- the request feature's own storage (keyed hashes and sealed contact details).
create table opendsr_request (
  id                 uuid         primary key,
  request_id         uuid         not null references rights_request (id),
  controller_id      uuid         not null,
  subject_request_id varchar(36)  not null,
  regulation         varchar(8)   not null,
  body_sha256        char(64)     not null,
  callback_urls      varchar(8000) not null,
  last_status        varchar(16)  not null,
  received_at        timestamp with time zone not null,
  constraint opendsr_request_subject unique (controller_id, subject_request_id)
);
create index opendsr_request_request_idx on opendsr_request (request_id);

-- One status callback to one URL, delivered by db-scheduler's task 'opendsr-callback' (task
-- instance = id). The body is kept as sent so that every retry carries the same signed bytes;
-- it holds ids, a status and dates only.
create table opendsr_callback (
  id              uuid          primary key,
  opendsr_id      uuid          not null references opendsr_request (id),
  url             varchar(2000) not null,
  body            varchar(4000) not null,
  status          varchar(16)   not null,
  attempts        integer       not null,
  last_error      varchar(300),
  created_at      timestamp with time zone not null,
  delivered_at    timestamp with time zone,
  constraint opendsr_callback_status check (status in ('pending', 'delivered', 'failed'))
);
create index opendsr_callback_request_idx on opendsr_callback (opendsr_id);
