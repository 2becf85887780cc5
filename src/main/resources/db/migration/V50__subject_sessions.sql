-- Sign-in of a person by a one-time code sent to their email or phone. The challenge id is what the
-- person holds; the code exists only as an HMAC under the identity-index key, and the identity only
-- as its keyed hash (the subject_ref a session gets). Written for H2 (PostgreSQL mode) and
-- PostgreSQL.
create table subject_session_challenge (
  id            uuid primary key,
  identity_type varchar(32)  not null,
  subject_ref   varchar(128) not null,
  code_hash     varchar(128) not null,
  created_at    timestamp with time zone not null,
  expires_at    timestamp with time zone not null,
  attempts      integer      not null,
  used_at       timestamp with time zone
);
create index subject_session_challenge_expiry on subject_session_challenge (expires_at);
