-- Staged updates: the next version of a published article's text, kept apart from the article's row until it is
-- published, so readers keep the published text and no page-cache trigger (V40) fires while it is written. One
-- per article. The content is the editor form's content (ArticleInput) as a document; a save moves `version` on,
-- so a save over someone else's newer save is refused, as it is for articles.
create table article_pending_updates (
    article_id          bigint primary key references articles (id) on delete cascade,
    content             jsonb       not null,
    version             bigint      not null default 0,
    started_at          timestamptz not null,
    started_by          bigint      references staff (id) on delete set null,
    saved_at            timestamptz not null,
    saved_by            bigint      references staff (id) on delete set null,
    saved_by_name       text        not null,
    review_requested_at timestamptz,
    returned_at         timestamptz,
    return_note         text,
    publish_at          timestamptz,
    correction_note     text check (correction_note is null or length(btrim(correction_note)) between 1 and 2000)
);
-- The scheduler's claim: updates due for publication, oldest first.
create index article_pending_updates_due_idx on article_pending_updates (publish_at, article_id)
    where publish_at is not null;

-- Each save of a pending update is a revision too, marked as one.
alter table article_revisions add column pending_update boolean not null default false;
