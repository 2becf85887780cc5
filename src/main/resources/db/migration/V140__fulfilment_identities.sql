-- The identities through which fulfilment reaches a person in the company's systems (SQL
-- databases, log files ...): those the request's verification proved, as JSON sealed under the
-- request's key like everything else personal a request holds, so that destroying that key erases
-- them. Null for requests planned before connectors, and when the request gave none.
-- Written for H2 (PostgreSQL mode) and PostgreSQL.
alter table fulfilment_plan add column identities_sealed bytea;
