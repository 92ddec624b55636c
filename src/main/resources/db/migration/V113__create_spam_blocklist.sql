-- Blocked words and link hosts, edited by moderators in the admin and read by the spam checks on every comment,
-- so a change counts at once on every instance. Configuration (newsroom.comments.blocked-*) still adds its own.
create table spam_blocklist (
    kind       text        not null check (kind in ('WORD', 'HOST')),
    entry      text        not null check (length(entry) between 1 and 100 and entry = lower(btrim(entry))),
    added_at   timestamptz not null,
    added_by   text        not null,
    primary key (kind, entry)
);
