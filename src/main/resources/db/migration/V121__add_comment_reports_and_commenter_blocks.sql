-- Readers report approved comments (one report per comment and address); moderators block commenters whose
-- next comments then go straight to spam. Both are kept with who decided and when, and blocks are lifted, not
-- deleted, so the list explains itself.

create table comment_reports (
    id           bigint generated always as identity primary key,
    comment_id   bigint      not null references comments (id) on delete cascade,
    reason       text        not null check (reason in ('SPAM', 'ABUSE', 'OFF_TOPIC', 'MISLEADING', 'OTHER')),
    note         text        not null default '' check (length(note) <= 300),
    -- Keyed hash of the reporter's address: de-duplicates, identifies nobody.
    reporter_key text        not null,
    created_at   timestamptz not null,
    resolved_at  timestamptz,
    resolved_by  text,
    unique (comment_id, reporter_key)
);
create index comment_reports_open_idx on comment_reports (comment_id, created_at) where resolved_at is null;

create table commenter_blocks (
    id          bigint generated always as identity primary key,
    -- Keyed hash of the lower-cased email, and optionally the comment's address hash (comments.ip_hash).
    email_key   text        not null,
    ip_hash     text,
    -- What the moderators see: the name and comment the block was made from, and why.
    label       text        not null,
    reason      text        not null check (length(btrim(reason)) between 1 and 300),
    comment_id  bigint      references comments (id) on delete set null,
    blocked_by  text        not null,
    created_at  timestamptz not null,
    lifted_at   timestamptz,
    lifted_by   text
);
create unique index commenter_blocks_active_email_idx on commenter_blocks (email_key) where lifted_at is null;
create index commenter_blocks_active_ip_idx on commenter_blocks (ip_hash) where lifted_at is null and ip_hash is not null;
