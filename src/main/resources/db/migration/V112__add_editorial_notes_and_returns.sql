-- The editorial workflow's conversation: an editor returns a draft in review to its author with a note, and keeps
-- notes on an article; both stay with the article's history. returned_at marks a draft sent back and not yet
-- submitted again, so the author's dashboard can say so.

alter table articles add column returned_at timestamptz;

create table article_notes (
    id              bigint generated always as identity primary key,
    article_id      bigint      not null references articles (id) on delete cascade,
    kind            text        not null check (kind in ('NOTE', 'RETURNED')),
    body            text        not null check (length(btrim(body)) between 1 and 4000),
    written_at      timestamptz not null,
    written_by      bigint      references staff (id) on delete set null,
    written_by_name text        not null
);
create index article_notes_article_idx on article_notes (article_id, id desc);
