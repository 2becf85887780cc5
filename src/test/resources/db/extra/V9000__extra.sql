-- A migration that only tests bundle beside the store's own: a newer build's pending script.
create table extra_marker (id integer primary key);
