-- The whole content model: categories, tags, staff, articles and their relations,
-- slug history for stable URLs, and reader comments.

create table categories (
    id          bigint generated always as identity primary key,
    name        text        not null check (length(btrim(name)) between 1 and 80),
    slug        text        not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) <= 80),
    description text        not null default '',
    position    integer     not null default 0,
    created_at  timestamptz not null default now()
);
-- Navigation lists categories in editorial order.
create index categories_navigation_idx on categories (position, name);

create table tags (
    id          bigint generated always as identity primary key,
    name        text        not null check (length(btrim(name)) between 1 and 80),
    slug        text        not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) <= 80),
    description text        not null default '',
    created_at  timestamptz not null default now()
);

-- Staff are the people behind bylines; sign-in credentials live in their own table.
create table staff (
    id           bigint generated always as identity primary key,
    display_name text        not null check (length(btrim(display_name)) between 1 and 120),
    slug         text        not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) <= 80),
    bio          text        not null default '',
    avatar_url   text,
    created_at   timestamptz not null default now()
);

create table articles (
    id                  bigint generated always as identity primary key,
    title               text        not null check (length(btrim(title)) between 1 and 300),
    slug                text        not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) <= 120),
    dek                 text        not null default '',
    body_markdown       text        not null default '',
    body_html           text        not null default '',
    excerpt             text        not null default '',
    hero_image_url      text,
    hero_image_alt      text,
    hero_image_caption  text,
    primary_category_id bigint      not null references categories (id),
    status              text        not null default 'DRAFT'
                                    check (status in ('DRAFT', 'SCHEDULED', 'PUBLISHED', 'ARCHIVED')),
    published_at        timestamptz,
    updated_at          timestamptz not null default now(),
    created_at          timestamptz not null default now(),
    featured            boolean     not null default false,
    comments_open       boolean     not null default true,
    reading_minutes     integer     not null default 1 check (reading_minutes >= 1),
    -- Approved comments, kept by a trigger on comments so listings never count per row.
    comment_count       integer     not null default 0,
    version             bigint      not null default 0,
    constraint articles_publication_date check (status not in ('PUBLISHED', 'SCHEDULED') or published_at is not null)
);
-- Listings read newest first; the partial indexes hold published rows only, so every page is an index range scan.
create index articles_latest_idx on articles (published_at desc, id desc) where status = 'PUBLISHED';
create index articles_category_latest_idx on articles (primary_category_id, published_at desc, id desc) where status = 'PUBLISHED';
create index articles_featured_idx on articles (published_at desc, id desc) where status = 'PUBLISHED' and featured;
create index articles_scheduled_idx on articles (published_at) where status = 'SCHEDULED';
create index articles_status_updated_idx on articles (status, updated_at desc, id desc);

-- listed_at mirrors the article's published_at while it is published (null otherwise), so that tag
-- and author listings are keyset scans of one index, as cheap on page 500 as on page 1.
create table article_tags (
    article_id bigint not null references articles (id) on delete cascade,
    tag_id     bigint not null references tags (id) on delete cascade,
    listed_at  timestamptz,
    primary key (article_id, tag_id)
);
create index article_tags_listing_idx on article_tags (tag_id, listed_at desc, article_id desc) where listed_at is not null;

create table article_authors (
    article_id bigint  not null references articles (id) on delete cascade,
    staff_id   bigint  not null references staff (id),
    position   integer not null default 0,
    listed_at  timestamptz,
    primary key (article_id, staff_id)
);
create index article_authors_listing_idx on article_authors (staff_id, listed_at desc, article_id desc) where listed_at is not null;

create function article_listed_at(article bigint) returns timestamptz
    language sql stable as
$$
select case when status = 'PUBLISHED' then published_at end from articles where id = article
$$;

create function fill_listed_at() returns trigger
    language plpgsql as
$$
begin
    new.listed_at := article_listed_at(new.article_id);
    return new;
end
$$;

create trigger article_tags_listed_at before insert on article_tags
    for each row execute function fill_listed_at();
create trigger article_authors_listed_at before insert on article_authors
    for each row execute function fill_listed_at();

create function sync_listed_at() returns trigger
    language plpgsql as
$$
declare
    listed timestamptz := case when new.status = 'PUBLISHED' then new.published_at end;
begin
    update article_tags set listed_at = listed where article_id = new.id and listed_at is distinct from listed;
    update article_authors set listed_at = listed where article_id = new.id and listed_at is distinct from listed;
    return new;
end
$$;

create trigger articles_sync_listed_at after update of status, published_at on articles
    for each row when (old.status is distinct from new.status or old.published_at is distinct from new.published_at)
    execute function sync_listed_at();

-- Old slugs keep answering with a permanent redirect to the article's current URL.
create table article_slug_redirects (
    old_slug   text        primary key,
    article_id bigint      not null references articles (id) on delete cascade,
    created_at timestamptz not null default now()
);
create index article_slug_redirects_article_idx on article_slug_redirects (article_id);

create table comments (
    id             bigint generated always as identity primary key,
    article_id     bigint      not null references articles (id) on delete cascade,
    parent_id      bigint      references comments (id) on delete cascade,
    author_name    text        not null check (length(btrim(author_name)) between 1 and 100),
    author_email   text        not null check (length(author_email) between 3 and 254),
    author_website text        check (length(author_website) <= 300),
    body           text        not null check (length(btrim(body)) between 1 and 5000),
    status         text        not null default 'PENDING'
                               check (status in ('PENDING', 'APPROVED', 'SPAM', 'REJECTED')),
    created_at     timestamptz not null default now()
);
create index comments_article_approved_idx on comments (article_id, created_at, id) where status = 'APPROVED';
create index comments_queue_idx on comments (status, created_at desc, id desc);
create index comments_parent_idx on comments (parent_id);

create function count_approved_comments() returns trigger
    language plpgsql as
$$
begin
    if tg_op = 'UPDATE' and old.status = new.status and old.article_id = new.article_id then
        return null;
    end if;
    if tg_op in ('UPDATE', 'DELETE') and old.status = 'APPROVED' then
        update articles set comment_count = comment_count - 1 where id = old.article_id;
    end if;
    if tg_op in ('INSERT', 'UPDATE') and new.status = 'APPROVED' then
        update articles set comment_count = comment_count + 1 where id = new.article_id;
    end if;
    return null;
end
$$;

create trigger comments_count_approved after insert or delete or update of status, article_id on comments
    for each row execute function count_approved_comments();
