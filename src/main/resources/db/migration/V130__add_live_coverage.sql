-- Live coverage: an article made a live page carries short, dated updates, newest first, an editor's own words
-- beside the article. Written only by the article module (article.LiveCoverage).
--
-- live_coverage: one row per article that is or was live; ended_at set when an editor closes it.
-- live_updates: the updates readers see; pinned ones first. Deleting one deletes it (the audit log keeps its text).
-- live_update_revisions: the text an update had before each edit, for staff only; readers never see it, so it
-- changes no page.

create table live_coverage (
    article_id bigint primary key references articles (id) on delete cascade,
    started_at timestamptz not null,
    started_by bigint references staff (id) on delete set null,
    ended_at   timestamptz
);

create table live_updates (
    id            bigint generated always as identity primary key,
    article_id    bigint      not null references live_coverage (article_id) on delete cascade,
    body_markdown text        not null check (length(body_markdown) <= 20000),
    body_html     text        not null,
    author_id     bigint references staff (id) on delete set null,
    author_name   text        not null,
    posted_at     timestamptz not null,
    edited_at     timestamptz,
    pinned        boolean     not null default false
);

-- The page reads an article's updates pinned first, then newest first.
create index live_updates_by_article on live_updates (article_id, pinned desc, posted_at desc, id desc);

create table live_update_revisions (
    id            bigint generated always as identity primary key,
    update_id     bigint      not null references live_updates (id) on delete cascade,
    body_markdown text        not null,
    replaced_at   timestamptz not null,
    replaced_by   bigint references staff (id) on delete set null,
    replaced_by_name text     not null
);

create index live_update_revisions_by_update on live_update_revisions (update_id, replaced_at desc);

-- Precise invalidation (see V40): a live page's updates and its start or close show on the article's page and
-- its updates feed, both cached under the article's key; only a published article's pages are cached at all.
create function note_live_change() returns trigger
    language plpgsql as
$$
declare
    article bigint := coalesce(new.article_id, old.article_id);
begin
    if exists (select 1 from articles a where a.id = article and a.status = 'PUBLISHED') then
        perform note_changed_pages(array['article-' || article]);
    end if;
    return null;
end
$$;

create trigger live_coverage_changed_pages after insert or update or delete on live_coverage
    for each row execute function note_live_change();
create trigger live_updates_changed_pages after insert or update or delete on live_updates
    for each row execute function note_live_change();
create constraint trigger live_coverage_send_changed_pages after insert or update or delete on live_coverage
    deferrable initially deferred for each row execute function send_changed_pages();
create constraint trigger live_updates_send_changed_pages after insert or update or delete on live_updates
    deferrable initially deferred for each row execute function send_changed_pages();

-- Long comment threads are paged; the site chooses whether a thread opens on its newest or its oldest comments.
alter table site_settings add column comments_newest_first boolean not null default false;
