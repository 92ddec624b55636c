-- The editorial workflow around articles: who created a draft and whether it awaits review,
-- a revision per save, and dated correction notes readers see.

alter table articles
    add column created_by          bigint references staff (id),
    add column review_requested_at timestamptz;
create index articles_review_idx on articles (review_requested_at) where review_requested_at is not null;
create index articles_created_by_idx on articles (created_by);
create index articles_title_search_idx on articles (lower(title) text_pattern_ops);

create table article_revisions (
    id                 bigint generated always as identity primary key,
    article_id         bigint      not null references articles (id) on delete cascade,
    saved_at           timestamptz not null,
    saved_by           bigint      references staff (id),
    saved_by_name      text        not null,
    title              text        not null,
    slug               text        not null,
    dek                text        not null,
    body_markdown      text        not null,
    excerpt            text        not null,
    hero_image_url     text,
    hero_image_alt     text,
    hero_image_caption text
);
create index article_revisions_article_idx on article_revisions (article_id, id desc);

create table article_corrections (
    id         bigint generated always as identity primary key,
    article_id bigint      not null references articles (id) on delete cascade,
    note       text        not null check (length(btrim(note)) between 1 and 2000),
    created_at timestamptz not null,
    created_by bigint      references staff (id)
);
create index article_corrections_article_idx on article_corrections (article_id, created_at);
