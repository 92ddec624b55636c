-- What an editor typed but has not saved yet, kept in the background while they type: one row per editor and
-- article (article_id null: the article they are starting). Never read by reader pages and never a revision;
-- the article itself changes only when they press Save. No trigger names it, so it invalidates no cached page.
create table article_autosaves (
    id           bigint      generated always as identity primary key,
    staff_id     bigint      not null references staff (id) on delete cascade,
    article_id   bigint      references articles (id) on delete cascade,
    base_version bigint,
    fields       jsonb       not null,
    saved_at     timestamptz not null
);

create unique index article_autosaves_one_per_editor on article_autosaves (staff_id, coalesce(article_id, 0));
create index article_autosaves_article_idx on article_autosaves (article_id);
