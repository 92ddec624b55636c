-- "Delete" moves a draft or archived article to the trash, from which an editor can restore it or delete it for
-- good. Trashed articles are never public (only drafts and archived ones can be trashed) and leave the article list.
alter table articles add column trashed_at timestamptz;

create index articles_trashed_idx on articles (trashed_at desc, id desc) where trashed_at is not null;
