-- The admin's "title contains" search is an ILIKE '%…%': a trigram index serves it (the btree index
-- from V11 could only serve prefix searches, so it goes). pg_trgm is a trusted extension (PostgreSQL 13+),
-- so the database owner may create it.
drop index if exists articles_title_search_idx;
create extension if not exists pg_trgm;
create index articles_title_trgm_idx on articles using gin (title gin_trgm_ops);
