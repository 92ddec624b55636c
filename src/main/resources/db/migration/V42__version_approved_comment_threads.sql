-- A version of each article's visible comment thread, moved by the database whenever an approved comment comes,
-- changes or goes (the same rows V41 notes pages for), so the rendered thread can be kept in memory under
-- (article, version) and is never served stale, on any instance, whoever made the change.
-- Versions come from one sequence, so no two threads ever share one: not even an article whose id is reused after
-- a `truncate ... restart identity` (the sequence belongs to no table and is not restarted). Existing rows keep 0
-- (no table rewrite); rows inserted from now on start with a fresh value.

create sequence comment_thread_versions;
alter table articles add column comments_version bigint not null default 0;
alter table articles alter column comments_version set default nextval('comment_thread_versions');

create function bump_comments_version() returns trigger
    language plpgsql as
$$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        update articles set comments_version = nextval('comment_thread_versions') where id = old.article_id;
    end if;
    if tg_op in ('INSERT', 'UPDATE') and (tg_op = 'INSERT' or new.article_id is distinct from old.article_id) then
        update articles set comments_version = nextval('comment_thread_versions') where id = new.article_id;
    end if;
    return null;
end
$$;

create trigger comments_inserted_bump_version after insert on comments
    for each row when (new.status = 'APPROVED') execute function bump_comments_version();
create trigger comments_updated_bump_version after update on comments
    for each row when (old.status = 'APPROVED' or new.status = 'APPROVED') execute function bump_comments_version();
create trigger comments_deleted_bump_version after delete on comments
    for each row when (old.status = 'APPROVED') execute function bump_comments_version();

-- The thread version is not article content: moving it alone changes no page (the comment's own trigger has
-- already noted the article's page). Otherwise as in V40.
create or replace function note_article_change() returns trigger
    language plpgsql as
$$
begin
    if tg_op = 'INSERT' then
        if new.status = 'PUBLISHED' then
            perform note_changed_pages(article_pages(new.id, new.primary_category_id));
        end if;
    elsif tg_op = 'DELETE' then
        if old.status = 'PUBLISHED' then
            perform note_changed_pages(article_pages(old.id, old.primary_category_id));
        end if;
    elsif old.status = 'PUBLISHED' or new.status = 'PUBLISHED' then
        if (to_jsonb(new) - 'comment_count' - 'version' - 'comments_version')
                = (to_jsonb(old) - 'comment_count' - 'version' - 'comments_version') then
            -- Only the comment count moved (an approved comment came or went): the page and the cards showing it.
            if old.comment_count is distinct from new.comment_count then
                perform note_changed_pages(array['article-' || new.id]);
            end if;
        else
            perform note_changed_pages(article_pages(new.id, new.primary_category_id)
                                       || article_pages(old.id, old.primary_category_id));
        end if;
    end if;
    return null;
end
$$;
