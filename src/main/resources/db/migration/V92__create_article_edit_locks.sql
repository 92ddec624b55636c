-- Who is editing an article right now, as WordPress's post lock: the editor who opened it last (or took it
-- over), since when, and when they were last active. A lock not refreshed for a few minutes counts as released.
-- Staff-only bookkeeping: no trigger names it, so it invalidates no cached page.
create table article_edit_locks (
    article_id bigint      primary key references articles (id) on delete cascade,
    staff_id   bigint      not null references staff (id) on delete cascade,
    staff_name text        not null,
    since      timestamptz not null,
    seen_at    timestamptz not null
);
