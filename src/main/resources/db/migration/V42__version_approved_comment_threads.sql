-- A version of each article's visible comment thread, moved by the database whenever an approved comment comes,
-- changes or goes (the rows V41 notes pages for), so the built thread can be kept in memory under
-- (article, version) and is never served stale, on any instance, whoever made the change.
-- Kept beside the articles rather than in them, so moving it is no article change to any other trigger. Versions
-- come from one sequence, owned by no table, which `truncate ... restart identity` leaves alone: a thread version is
-- never handed out twice. An article without a row (no approved comment ever) has version 0. No foreign key: the
-- row may be written while the article's comments are deleted with it; a leftover row only names a dead id.

create sequence comment_thread_version_numbers;

create table comment_thread_versions (
    article_id bigint primary key,
    version    bigint not null
);

create function bump_comment_thread_version(article bigint) returns void
    language sql as
$$
insert into comment_thread_versions (article_id, version) values (article, nextval('comment_thread_version_numbers'))
on conflict (article_id) do update set version = excluded.version
$$;

create function note_comment_thread_change() returns trigger
    language plpgsql as
$$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        perform bump_comment_thread_version(old.article_id);
    end if;
    if tg_op = 'INSERT' or (tg_op = 'UPDATE' and new.article_id is distinct from old.article_id) then
        perform bump_comment_thread_version(new.article_id);
    end if;
    return null;
end
$$;

create trigger comments_inserted_thread_version after insert on comments
    for each row when (new.status = 'APPROVED') execute function note_comment_thread_change();
create trigger comments_updated_thread_version after update on comments
    for each row when (old.status = 'APPROVED' or new.status = 'APPROVED') execute function note_comment_thread_change();
create trigger comments_deleted_thread_version after delete on comments
    for each row when (old.status = 'APPROVED') execute function note_comment_thread_change();
