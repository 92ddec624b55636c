-- A renamed category's old slug keeps answering with a permanent redirect.
create table category_slug_redirects (
    old_slug    text        primary key,
    category_id bigint      not null references categories (id) on delete cascade,
    created_at  timestamptz not null default now()
);
create index category_slug_redirects_category_idx on category_slug_redirects (category_id);

-- Site settings edited by administrators: one row; missing values fall back to configuration (newsroom.site.*).
create table site_settings (
    id                        integer     primary key default 1 check (id = 1),
    name                      text        not null check (length(btrim(name)) between 1 and 80),
    tagline                   text        not null default '' check (length(tagline) <= 200),
    about                     text        not null default '' check (length(about) <= 2000),
    -- One link per line: "Name | https://url".
    social_links              text        not null default '',
    comments_enabled          boolean     not null default true,
    comments_premoderated     boolean     not null default true,
    comments_close_after_days integer     not null default 30 check (comments_close_after_days between 0 and 3650),
    comment_policy            text        not null default '' check (length(comment_policy) <= 4000),
    updated_at                timestamptz not null default now(),
    updated_by                bigint      references staff (id)
);
