-- Embargo end / scheduled take-down: a published article returns to draft at this moment.
alter table articles add column unpublish_at timestamptz;
create index articles_unpublish_due_idx on articles (unpublish_at) where status = 'PUBLISHED' and unpublish_at is not null;
