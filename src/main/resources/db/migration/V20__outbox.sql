-- The mail outbox: one row per outgoing letter, written in the same transaction as the change
-- that causes it, and delivered by db-scheduler's task 'mail-delivery' (task instance = id).
-- Recipient, subject, bodies, headers and attachments exist only inside sealed_content, which is
-- encrypted by the mail sealer and cleared once the server accepts the message; what remains is
-- metadata with ids only. Written once for H2 (in PostgreSQL mode) and PostgreSQL.
create table mail_outbox (
  id              uuid         primary key,
  kind            varchar(64)  not null,
  message_id      varchar(255) not null unique,
  related_type    varchar(64),
  related_id      varchar(128),
  status          varchar(16)  not null,
  sealed_content  bytea,
  attempts        integer      not null,
  last_error      varchar(300),
  enqueued_at     timestamp with time zone not null,
  give_up_at      timestamp with time zone not null,
  last_attempt_at timestamp with time zone,
  sent_at         timestamp with time zone,
  failed_at       timestamp with time zone,
  constraint mail_outbox_status check (status in ('pending', 'sent', 'failed'))
);
create index mail_outbox_status_idx on mail_outbox (status, enqueued_at);
create index mail_outbox_related_idx on mail_outbox (related_type, related_id);
