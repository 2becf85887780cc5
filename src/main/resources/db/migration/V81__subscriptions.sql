-- Marketing subscriptions per channel, purpose and topic, append-only like opt_out_event: the
-- latest event per (party, channel, purpose, topic) is in force. '*' as purpose or topic means the
-- whole channel or the whole purpose. Email and phone choices are kept under the identity's keyed
-- hash (party 'identity:<hash>'), so that they outlive the erasure of the person: the rows whose
-- latest event is 'unsubscribe' on the email channel are the suppression list (docs/consent.md).
create table subscription_event (
  id          uuid primary key,
  party       varchar(200) not null,
  channel     varchar(16)  not null, -- email, phone, post
  purpose     varchar(100) not null,
  topic       varchar(100) not null,
  action      varchar(16)  not null, -- unsubscribe, subscribe
  source      varchar(24)  not null, -- one_click, link, preferences, api
  occurred_at timestamp with time zone not null
);
create index subscription_event_party on subscription_event (party, occurred_at);
create index subscription_event_channel on subscription_event (channel, party);
