-- Email: an outbox that requests only ever insert into (a background job sends and retries), readers who asked
-- to be told of replies (double opt-in, one-click unsubscribe), and moderators' digest of waiting comments.

create table mail_outbox (
    id              bigint generated always as identity primary key,
    recipient       text        not null check (length(recipient) between 3 and 254),
    subject         text        not null check (length(subject) between 1 and 300),
    body            text        not null,
    -- One-click unsubscribe (RFC 8058): the address a mail client posts to; null for staff mail.
    unsubscribe_url text,
    -- The same notice is never queued twice (a reply approved, withdrawn and approved again).
    dedupe_key      text        unique,
    created_at      timestamptz not null default now(),
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null default now(),
    sent_at         timestamptz,
    failed_at       timestamptz,
    last_error      text
);
-- The sender's only query: what is due and neither sent nor given up.
create index mail_outbox_due_idx on mail_outbox (next_attempt_at) where sent_at is null and failed_at is null;
create index mail_outbox_recent_idx on mail_outbox (created_at desc, id desc);

-- One row per address that asked for reply notices. The address is erased when it unsubscribes; the keyed
-- hash stays so a later request starts a fresh double opt-in.
create table reply_subscribers (
    id                   bigint generated always as identity primary key,
    email                text check (email is null or length(email) between 3 and 254),
    email_key            text        not null unique,
    token                text        not null unique,
    created_at           timestamptz not null default now(),
    confirmation_sent_at timestamptz,
    confirmed_at         timestamptz,
    unsubscribed_at      timestamptz
);

-- The comments whose replies a subscriber wants to hear about.
create table reply_watches (
    comment_id    bigint primary key references comments (id) on delete cascade,
    subscriber_id bigint      not null references reply_subscribers (id) on delete cascade,
    created_at    timestamptz not null default now()
);
create index reply_watches_subscriber_idx on reply_watches (subscriber_id);

-- Staff who asked for a digest of comments waiting for moderation, and when the last one went out.
create table moderation_digests (
    account_id   bigint primary key references accounts (id) on delete cascade,
    created_at   timestamptz not null default now(),
    last_sent_at timestamptz
);
