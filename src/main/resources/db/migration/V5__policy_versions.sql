-- Every published policy, with the exact text of its files. The highest seq is in force.
create table policy_version (
  seq            bigint        primary key,
  version        varchar(64)   not null unique,
  content_hash   varchar(64)   not null unique,
  main_file      varchar(500)  not null,
  files          text          not null,
  effective_date varchar(10)   not null,
  published_at   timestamp with time zone not null,
  published_by   varchar(64)   not null
);
