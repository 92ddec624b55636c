-- Comment moderation: why a comment was held, who decided what, edits, rate limits and retention.

alter table comments
    add column ip_hash    text,
    add column spam_score integer     not null default 0,
    -- A reply written by a member of staff from the moderation queue.
    add column staff_id   bigint      references staff (id) on delete set null,
    add column edited_at  timestamptz,
    add column purged_at  timestamptz;

-- The queue filtered by article; known-commenter and duplicate checks; retention purges.
create index comments_article_queue_idx on comments (article_id, status, created_at desc, id desc);
create index comments_email_status_idx on comments (lower(author_email), status);
create index comments_body_hash_idx on comments (md5(body), created_at desc);
create index comments_purge_idx on comments (created_at) where status in ('SPAM', 'REJECTED') and purged_at is null;

-- Every spam rule that fired on a comment, in words a moderator can act on.
create table comment_signals (
    comment_id bigint  not null references comments (id) on delete cascade,
    rule       text    not null,
    detail     text    not null,
    score      integer not null,
    primary key (comment_id, rule)
);

-- Every moderation decision: who, when, from which status to which. Kept (comment_id null) after a
-- permanent delete so the audit trail survives the comment.
create table comment_decisions (
    id          bigint generated always as identity primary key,
    comment_id  bigint      references comments (id) on delete set null,
    actor       text        not null,
    from_status text,
    to_status   text        not null,
    note        text        not null default '',
    decided_at  timestamptz not null default now()
);
create index comment_decisions_comment_idx on comment_decisions (comment_id, decided_at);

-- Earlier texts of comments a moderator edited.
create table comment_revisions (
    id         bigint generated always as identity primary key,
    comment_id bigint      not null references comments (id) on delete cascade,
    body       text        not null,
    edited_by  text        not null,
    edited_at  timestamptz not null default now()
);
create index comment_revisions_comment_idx on comment_revisions (comment_id, edited_at);

-- Fixed-window counters shared by every app instance (per IP hash, per email hash).
create table rate_limit_counters (
    bucket       text        not null,
    window_start timestamptz not null,
    hits         integer     not null,
    primary key (bucket, window_start)
);
create index rate_limit_counters_window_idx on rate_limit_counters (window_start);

-- Secrets generated on first start and shared by every instance (form signing, IP hashing).
create table app_secrets (
    name       text primary key,
    value      text        not null,
    created_at timestamptz not null default now()
);
