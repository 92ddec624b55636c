-- The one definition of "public" for every reader-facing query (listings, feeds, sitemaps, search): they read
-- published articles through this view instead of repeating the status test. PostgreSQL inlines the view, so
-- the partial indexes "where status = 'PUBLISHED'" keep serving those queries. A view's columns are fixed
-- when it is created: a later migration that adds a column readers need recreates it (create or replace).
create view published_articles as
select * from articles where status = 'PUBLISHED';
