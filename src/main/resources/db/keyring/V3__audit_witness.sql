-- The audit chain's head as the data store's audit writers last committed it, signed with the
-- audit-signing key: kept here, apart from the data store, so that entries cut from the end of the
-- chain (with its head row rewound) are noticed by 'audit verify'. One row, moved only forward.
create table audit_witness (
  id         int primary key,
  seq        bigint        not null,
  hash       varchar(64)   not null,
  signed_at  timestamp with time zone not null,
  key_id     varchar(64)   not null,
  signature  varchar(512)  not null
);
