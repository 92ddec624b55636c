-- Search documents move out of articles into a table of their own, one row per published article, stored inline.
--
-- A search tests and ranks a few hundred candidates, and each test and each rank reads the candidate's document.
-- In articles, a document (2-3 KB of words and positions, which barely compress) went out of line to TOAST, and
-- every read looked up and reassembled its chunks: at 100,000 articles, 500 candidates cost about 12 ms, most of
-- a search. Here nothing else shares the row, the document stays in the heap page (storage main) and a
-- candidate costs a few microseconds. A document too large for a page still goes out of line, as before.
--
-- Readers' searches and the "You may also like" text match read this table; articles keeps what editors write.
-- The rows are derived from articles and article_tags by the triggers below, which is also why no trigger here
-- announces changed pages: the change to articles already did.
create table article_search (
    article_id          bigint      primary key references articles (id) on delete cascade,
    published_at        timestamptz not null,
    primary_category_id bigint      not null,
    title_vector        tsvector    not null,
    search_vector       tsvector    not null
);
alter table article_search
    alter column title_vector set storage main,
    alter column search_vector set storage main;

insert into article_search (article_id, published_at, primary_category_id, title_vector, search_vector)
select id, published_at, primary_category_id, to_tsvector('english', title), search_vector
from articles
where status = 'PUBLISHED';

-- Newest matches first (a word found in most articles), by category too, and by word (a rare one).
create index article_search_latest_idx on article_search (published_at desc, article_id desc);
create index article_search_category_idx on article_search (primary_category_id, published_at desc, article_id desc);
create index article_search_words_idx on article_search using gin (search_vector);
create index article_search_title_words_idx on article_search using gin (title_vector);

-- An article is in the table while it is published. Its words are computed again only when they can have changed:
-- publishing, or an edit to the title, dek or body of a published article; otherwise only its date and category
-- are kept current.
create function article_search_sync() returns trigger
    language plpgsql as
$$
begin
    if new.status <> 'PUBLISHED' then
        delete from article_search where article_id = new.id;
    elsif tg_op = 'UPDATE' and old.status = 'PUBLISHED' and new.title = old.title and new.dek = old.dek
            and new.body_html = old.body_html then
        update article_search
        set published_at = new.published_at, primary_category_id = new.primary_category_id
        where article_id = new.id
          and (published_at, primary_category_id) is distinct from (new.published_at, new.primary_category_id);
    else
        insert into article_search (article_id, published_at, primary_category_id, title_vector, search_vector)
        values (new.id, new.published_at, new.primary_category_id, to_tsvector('english', new.title),
                article_search_document(new.id, new.title, new.dek, new.body_html))
        on conflict (article_id) do update
            set published_at = excluded.published_at,
                primary_category_id = excluded.primary_category_id,
                title_vector = excluded.title_vector,
                search_vector = excluded.search_vector;
    end if;
    return null;
end
$$;

create trigger articles_search_document
    after insert or update of status, published_at, primary_category_id, title, dek, body_html on articles
    for each row execute function article_search_sync();

-- Tag names are part of a document (V20): the triggers on article_tags and tags now recompute the rows here.
create or replace function article_tags_refresh_search() returns trigger
    language plpgsql as
$$
begin
    if tg_op = 'INSERT' then
        update article_search s set search_vector = article_search_document(a.id, a.title, a.dek, a.body_html)
        from articles a
        where a.id = s.article_id and s.article_id in (select distinct article_id from changed_rows);
    else
        update article_search s set search_vector = article_search_document(a.id, a.title, a.dek, a.body_html)
        from articles a
        where a.id = s.article_id and s.article_id in (select distinct article_id from removed_rows);
    end if;
    return null;
end
$$;

create or replace function tags_refresh_search() returns trigger
    language plpgsql as
$$
begin
    update article_search s set search_vector = article_search_document(a.id, a.title, a.dek, a.body_html)
    from articles a
    where a.id = s.article_id and s.article_id in (select article_id from article_tags where tag_id = new.id);
    return null;
end
$$;

-- The old columns, their indexes and the trigger that filled them go. The view of published articles lists the
-- columns of articles as they were when it was made, so it is made again without them.
drop trigger articles_search_vector on articles;
drop function articles_fill_search_vector();
drop view published_articles;
alter table articles drop column search_vector, drop column title_vector;
create view published_articles as
select * from articles where status = 'PUBLISHED';

-- Plans depend on how common each word is (and "You may also like" reads which words are common from these
-- statistics): collect them now, not whenever autovacuum gets round to it.
analyze article_search;
