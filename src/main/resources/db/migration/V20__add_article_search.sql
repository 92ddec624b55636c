-- Full-text search over published articles. The database keeps each article's search document current:
-- title (weight A), dek and tag names (B) and body (C), in English. Tag names live in another table, so
-- changes to an article's tags, or to a tag's name, recompute the documents they touch.

create function article_search_document(article bigint, title text, dek text, body_html text) returns tsvector
    language sql stable as
$$
select setweight(to_tsvector('english', coalesce(title, '')), 'A')
    || setweight(to_tsvector('english', coalesce(dek, '')), 'B')
    || setweight(to_tsvector('english', coalesce((select string_agg(t.name, ' ' order by t.name)
                                                  from article_tags at join tags t on t.id = at.tag_id
                                                  where at.article_id = article), '')), 'B')
    -- The HTML parser of to_tsvector skips tags; the body's words are what is indexed.
    || setweight(to_tsvector('english', coalesce(body_html, '')), 'C')
$$;

alter table articles add column search_vector tsvector not null default ''::tsvector;

update articles set search_vector = article_search_document(id, title, dek, body_html);

-- Only published articles are ever searched; the partial index holds nothing else.
create index articles_search_idx on articles using gin (search_vector) where status = 'PUBLISHED';

create function articles_fill_search_vector() returns trigger
    language plpgsql as
$$
begin
    new.search_vector := article_search_document(new.id, new.title, new.dek, new.body_html);
    return new;
end
$$;

create trigger articles_search_vector before insert or update of title, dek, body_html on articles
    for each row execute function articles_fill_search_vector();

create function article_tags_refresh_search() returns trigger
    language plpgsql as
$$
begin
    if tg_op = 'INSERT' then
        update articles a set search_vector = article_search_document(a.id, a.title, a.dek, a.body_html)
        where a.id in (select distinct article_id from changed_rows);
    else
        update articles a set search_vector = article_search_document(a.id, a.title, a.dek, a.body_html)
        where a.id in (select distinct article_id from removed_rows);
    end if;
    return null;
end
$$;

create trigger article_tags_search_added after insert on article_tags
    referencing new table as changed_rows
    for each statement execute function article_tags_refresh_search();
create trigger article_tags_search_removed after delete on article_tags
    referencing old table as removed_rows
    for each statement execute function article_tags_refresh_search();

create function tags_refresh_search() returns trigger
    language plpgsql as
$$
begin
    update articles a set search_vector = article_search_document(a.id, a.title, a.dek, a.body_html)
    where a.id in (select article_id from article_tags where tag_id = new.id);
    return null;
end
$$;

create trigger tags_search_renamed after update of name on tags
    for each row when (old.name is distinct from new.name)
    execute function tags_refresh_search();
