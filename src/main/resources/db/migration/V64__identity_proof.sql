-- How each identity of a subject was established, and identities that many people share.
-- docs/vault.md, "Linking": a name, a postal address or an IP address never identifies a person,
-- so several subjects may hold the same one; an identity that does identify one person (email,
-- phone, account, device id, custom types) is held by at most one subject. Rebuilt rather than
-- altered: the two engines spell a primary-key change differently.
create table vault_identity_v64 (
  hash          varchar(128) not null,
  subject_id    uuid         not null references vault_subject (id),
  identity_type varchar(64)  not null,
  -- asserted: given without proof (a public form); verified: whoever gave it proved control with
  -- a one-time code; staff: put there by staff, an operator's import or a verifying controller.
  proof         varchar(16)  not null,
  -- The hash again when the identity identifies one person, null for shared kinds: unique, so such
  -- an identity has one holder (nulls do not collide on either engine).
  holder_hash   varchar(128),
  added_at      timestamp with time zone not null,
  primary key (hash, subject_id)
);

-- What was stored before carries no record of proof: asserted is the claim it can support.
insert into vault_identity_v64 (hash, subject_id, identity_type, proof, holder_hash, added_at)
select hash, subject_id, identity_type, 'asserted',
       case when identity_type in ('name', 'postal_address', 'ip_address') then null else hash end,
       added_at
  from vault_identity;

drop table vault_identity;
alter table vault_identity_v64 rename to vault_identity;
create unique index vault_identity_holder on vault_identity (holder_hash);
create index vault_identity_subject on vault_identity (subject_id);

-- A subject made from an unproven submission that gave an identity another subject holds: never
-- merged on that claim; kept apart until staff decide, or until a person proves the identity.
create table vault_link_candidate (
  id            uuid         primary key,
  subject_id    uuid         not null,
  holder_id     uuid         not null,
  identity_type varchar(64)  not null,
  identity_hash varchar(128) not null,
  found_at      timestamp with time zone not null,
  -- open, linked (merged into the holder) or dismissed (two people after all)
  status        varchar(16)  not null,
  decided_at    timestamp with time zone,
  -- the staff member's id, or request:<id> when the requester's proof linked them
  decided_by    varchar(128),
  unique (subject_id, identity_hash)
);
create index vault_link_candidate_hash on vault_link_candidate (identity_hash, status);
create index vault_link_candidate_status on vault_link_candidate (status, found_at);
