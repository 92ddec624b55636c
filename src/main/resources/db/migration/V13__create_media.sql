-- The media library: uploaded images stored in PostgreSQL with resized variants for pages and listings.
create table media (
    id            bigint generated always as identity primary key,
    original_name text        not null default '',
    content_type  text        not null check (content_type in ('image/jpeg', 'image/png', 'image/gif')),
    width         integer     not null check (width > 0),
    height        integer     not null check (height > 0),
    size_bytes    integer     not null,
    sha256        text        not null,
    alt_text      text        not null default '' check (length(alt_text) <= 300),
    uploaded_by   bigint      references staff (id),
    created_at    timestamptz not null default now(),
    bytes         bytea       not null
);
create index media_recent_idx on media (created_at desc, id desc);

-- 'large' for article pages, 'card' for listings, 'thumb' for the library; never larger than the original.
create table media_variants (
    media_id     bigint  not null references media (id) on delete cascade,
    variant      text    not null check (variant in ('large', 'card', 'thumb')),
    content_type text    not null,
    width        integer not null,
    height       integer not null,
    bytes        bytea   not null,
    primary key (media_id, variant)
);
