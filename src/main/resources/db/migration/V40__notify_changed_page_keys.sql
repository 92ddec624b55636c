-- Precise invalidation: a committed change names the pages it affects by surrogate key, and only those are
-- dropped, on every instance, and in a cache tier in front. Replaces V31/V32, which announced every change as
-- "something changed" and so emptied every cache for each write.
--
-- Keys: site (every page: settings, sections, staff), home (front page and /latest), feed, sitemap, search,
-- article-<id>, category-<slug>, tag-<slug>, author-<slug>.
--
-- Row triggers add the keys of what readers can see to a transaction-local setting; a deferred constraint
-- trigger sends them at commit as ONE notification per transaction on channel 'content_changed':
--     <application_name of the writer>\n<space-separated keys>
-- so the instance that made the change (each instance connects with a unique application_name) can tell it
-- from the notifications of others. A rolled-back transaction (or savepoint) sends nothing.

drop trigger articles_content_changed on articles;
drop trigger article_tags_content_changed on article_tags;
drop trigger article_authors_content_changed on article_authors;
drop trigger categories_content_changed on categories;
drop trigger tags_content_changed on tags;
drop trigger staff_content_changed on staff;
drop trigger article_slug_redirects_content_changed on article_slug_redirects;
drop trigger comments_content_changed on comments;
drop trigger comments_truncated on comments;
drop trigger site_settings_content_changed on site_settings;
drop trigger category_slug_redirects_content_changed on category_slug_redirects;
drop function notify_comment_changed();
drop function notify_content_changed();

-- Adds keys to this transaction's list; past the size a notification can carry, the list becomes 'site'
-- (every page), which is always correct.
create function note_changed_pages(keys text[]) returns void
    language plpgsql as
$$
declare
    pending text := coalesce(current_setting('newsroom.changed_pages', true), '');
    key text;
begin
    if pending = 'site' then
        return;
    end if;
    foreach key in array keys loop
        if key is not null and position(' ' || key || ' ' in ' ' || pending || ' ') = 0 then
            pending := ltrim(pending || ' ' || key);
        end if;
    end loop;
    if length(pending) > 7000 or 'site' = any(keys) then
        pending := 'site';
    end if;
    perform set_config('newsroom.changed_pages', pending, true);
end
$$;

-- Runs at commit (deferred), once per changed row; the first sends everything noted, the rest find nothing.
create function send_changed_pages() returns trigger
    language plpgsql as
$$
declare
    pending text := coalesce(current_setting('newsroom.changed_pages', true), '');
begin
    if pending <> '' then
        perform set_config('newsroom.changed_pages', '', true);
        perform pg_notify('content_changed', current_setting('application_name') || E'\n' || pending);
    end if;
    return null;
end
$$;

-- Everything an article's publication touches: its page, the lists and feeds it appears in, the sitemaps.
create function article_pages(article bigint, category bigint) returns text[]
    language sql stable as
$$
select array['article-' || article, 'home', 'feed', 'sitemap', 'search']
       || coalesce((select array_agg('category-' || c.slug) from categories c where c.id = category), '{}')
       || coalesce((select array_agg('tag-' || t.slug) from article_tags at join tags t on t.id = at.tag_id
                    where at.article_id = article), '{}')
       || coalesce((select array_agg('author-' || s.slug) from article_authors aa join staff s on s.id = aa.staff_id
                    where aa.article_id = article), '{}')
$$;

create function note_article_change() returns trigger
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
        if (to_jsonb(new) - 'comment_count' - 'version') = (to_jsonb(old) - 'comment_count' - 'version') then
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

-- Tags and bylines of a published (or just deleted) article.
create function note_article_link_change() returns trigger
    language plpgsql as
$$
declare
    link record;
    key text;
begin
    if tg_op = 'DELETE' then
        link := old;
    else
        link := new;
    end if;
    if tg_op = 'UPDATE' and (to_jsonb(new) - 'listed_at') = (to_jsonb(old) - 'listed_at') then
        return null;
    end if;
    if not exists (select 1 from articles a where a.id = link.article_id and a.status <> 'PUBLISHED') then
        if tg_table_name = 'article_tags' then
            select 'tag-' || t.slug into key from tags t where t.id = link.tag_id;
        else
            select 'author-' || s.slug into key from staff s where s.id = link.staff_id;
        end if;
        perform note_changed_pages(array['article-' || link.article_id, 'home', 'feed', 'search', key]);
    end if;
    return null;
end
$$;

-- Approved comments are all readers see: a held, spam or rejected one changes no page.
create function note_comment_change() returns trigger
    language plpgsql as
$$
begin
    if (tg_op = 'INSERT' and new.status = 'APPROVED')
        or (tg_op = 'DELETE' and old.status = 'APPROVED')
        or (tg_op = 'UPDATE' and (old.status = 'APPROVED' or new.status = 'APPROVED')
            and (old.status is distinct from new.status or old.body is distinct from new.body
                 or old.author_name is distinct from new.author_name or old.author_website is distinct from new.author_website
                 or old.edited_at is distinct from new.edited_at or old.purged_at is distinct from new.purged_at)) then
        perform note_changed_pages(array['article-' || coalesce(new.article_id, old.article_id)]);
    end if;
    return null;
end
$$;

-- Sections, tags, staff names and site settings show on many pages: all pages go.
create function note_site_change() returns trigger
    language plpgsql as
$$
begin
    perform note_changed_pages(array['site']);
    return null;
end
$$;

create function notify_site_truncated() returns trigger
    language plpgsql as
$$
begin
    perform pg_notify('content_changed', current_setting('application_name') || E'\n' || 'site');
    return null;
end
$$;

create trigger articles_changed_pages after insert or update or delete on articles
    for each row execute function note_article_change();
create trigger article_tags_changed_pages after insert or update or delete on article_tags
    for each row execute function note_article_link_change();
create trigger article_authors_changed_pages after insert or update or delete on article_authors
    for each row execute function note_article_link_change();
create trigger comments_changed_pages after insert or update or delete on comments
    for each row execute function note_comment_change();
create trigger categories_changed_pages after insert or update or delete on categories
    for each statement execute function note_site_change();
create trigger tags_changed_pages after insert or update or delete on tags
    for each statement execute function note_site_change();
create trigger staff_changed_pages after update of display_name, slug, bio, avatar_url or delete on staff
    for each statement execute function note_site_change();
create trigger site_settings_changed_pages after insert or update or delete on site_settings
    for each statement execute function note_site_change();
create trigger category_slug_redirects_changed_pages after insert or update or delete on category_slug_redirects
    for each statement execute function note_site_change();

-- The one notification per transaction, sent at commit.
create constraint trigger articles_send_changed_pages after insert or update or delete on articles
    deferrable initially deferred for each row execute function send_changed_pages();
create constraint trigger article_tags_send_changed_pages after insert or update or delete on article_tags
    deferrable initially deferred for each row execute function send_changed_pages();
create constraint trigger article_authors_send_changed_pages after insert or update or delete on article_authors
    deferrable initially deferred for each row execute function send_changed_pages();
create constraint trigger comments_send_changed_pages after insert or update or delete on comments
    deferrable initially deferred for each row execute function send_changed_pages();
create constraint trigger categories_send_changed_pages after insert or update or delete on categories
    deferrable initially deferred for each row execute function send_changed_pages();
create constraint trigger tags_send_changed_pages after insert or update or delete on tags
    deferrable initially deferred for each row execute function send_changed_pages();
create constraint trigger staff_send_changed_pages after update or delete on staff
    deferrable initially deferred for each row execute function send_changed_pages();
create constraint trigger site_settings_send_changed_pages after insert or update or delete on site_settings
    deferrable initially deferred for each row execute function send_changed_pages();
create constraint trigger category_slug_redirects_send_changed_pages after insert or update or delete on category_slug_redirects
    deferrable initially deferred for each row execute function send_changed_pages();

create trigger articles_truncated after truncate on articles for each statement execute function notify_site_truncated();
create trigger comments_truncated after truncate on comments for each statement execute function notify_site_truncated();
create trigger categories_truncated after truncate on categories for each statement execute function notify_site_truncated();
create trigger tags_truncated after truncate on tags for each statement execute function notify_site_truncated();
create trigger staff_truncated after truncate on staff for each statement execute function notify_site_truncated();
create trigger site_settings_truncated after truncate on site_settings for each statement execute function notify_site_truncated();
