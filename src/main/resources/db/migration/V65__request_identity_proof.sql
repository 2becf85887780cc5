-- Which of a request's identities the verification proved, and how: 'verified' when the
-- requester proved control (the code or link went there), 'staff' when staff or a verifying
-- controller vouched; null when nothing proved it. Fulfilment finds the person's data through
-- proven identities only (docs/vault.md, "Linking").
alter table request_identity add column proof varchar(16);

-- The identity the requester is reached at (and codes go to): the business customer's account, or
-- else the email address, or else the phone number. Only a request reached at the same identity is
-- the same requester's duplicate; one that merely names another's phone beside its own address
-- must not take over that person's open request.
alter table request_identity add column contact boolean default false not null;
update request_identity set contact = true where identity_type = 'customer_account';
update request_identity set contact = true where identity_type = 'email'
  and request_id not in (select request_id from request_identity where identity_type = 'customer_account');
update request_identity set contact = true where identity_type = 'phone'
  and request_id not in (select request_id from request_identity
                         where identity_type in ('customer_account', 'email'));
