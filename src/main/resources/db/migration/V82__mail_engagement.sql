-- Opens and clicks of Steward's own marketing mail, recorded only where the policy's email
-- tracker may run for the person (docs/consent.md, "Marketing mail"). No address, no IP: the
-- message reference (the outbox letter's related id) and when.
create table mail_engagement (
  id          uuid primary key,
  message_ref uuid         not null,
  purpose     varchar(100) not null,
  kind        varchar(8)   not null, -- open, click
  occurred_at timestamp with time zone not null
);
create index mail_engagement_message on mail_engagement (message_ref);
