-- Sign-in: an Argon2id hash per user who registered with a password (the seeded user has none).
alter table users add column password_hash text;
-- One account per address however it is capitalised, and a quick lookup at sign-in.
create unique index users_email_lower on users (lower(email));
