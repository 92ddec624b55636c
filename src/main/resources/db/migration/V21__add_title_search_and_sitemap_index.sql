-- Search at scale. Titles get a vector (and index) of their own, so the best title matches can be found
-- directly and the planner has statistics for how common a title word is.
alter table articles add column title_vector tsvector generated always as (to_tsvector('english', title)) stored;
create index articles_title_fts_idx on articles using gin (title_vector) where status = 'PUBLISHED';

-- Sitemaps read published articles' ids, slugs and dates from this index alone (index-only scans).
create index articles_sitemap_idx on articles (id) include (slug, published_at, updated_at) where status = 'PUBLISHED';

-- Plans depend on how common each title word is: collect the new column's statistics now, not whenever
-- autovacuum gets round to it.
analyze articles;
