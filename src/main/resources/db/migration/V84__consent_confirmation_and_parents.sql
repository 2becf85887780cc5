-- Double opt-in and parental consent for the consent ledger. Written for H2 (PostgreSQL mode) and
-- PostgreSQL. No personal data: ids, keyed hashes, codes and references.

-- A consent given by email for a purpose with double opt-in waits for the person to follow the
-- link sent to that address. The link's token is signed (HMAC under the identity-index key, which
-- the store does not hold) over this row's id and expiry, so nothing secret is kept here; a row is
-- used once (confirmed_at) and not after expires_at.
create table consent_confirmation (
  id            uuid primary key,
  consent_id    uuid          not null,
  subject_id    uuid          not null,
  purposes      varchar(1000) not null,
  locale        varchar(16)   not null,
  created_at    timestamp with time zone not null,
  expires_at    timestamp with time zone not null,
  confirmed_at  timestamp with time zone,
  confirmed_event uuid
);
create index consent_confirmation_consent on consent_confirmation (consent_id);

-- A parent's or guardian's consent to a child's consent (GDPR Art. 8(1), 16 CFR 312.5, PIPL Art.
-- 31): who (relationship, and the parent's own vault subject when Steward has one), how the
-- parent was verified (a method of 16 CFR 312.5(b)(2) or a document reviewed by staff), by whom,
-- and the evidence reference. Append-only like the ledger.
create table consent_parental (
  id             uuid primary key,
  consent_id     uuid         not null,
  subject_id     uuid         not null,
  relationship   varchar(16)  not null, -- parent, guardian
  parent_subject uuid,
  verification   varchar(32)  not null,
  verified_by    varchar(100) not null,
  evidence       varchar(200) not null,
  recorded_at    timestamp with time zone not null
);
create index consent_parental_subject on consent_parental (subject_id);
