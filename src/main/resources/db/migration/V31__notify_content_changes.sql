-- Every change readers could see announces itself on channel 'content_changed', so every app instance
-- drops its cached pages the moment the change commits (NOTIFY is delivered on commit, once per
-- transaction and payload).

create function notify_content_changed() returns trigger
    language plpgsql as
$$
begin
    perform pg_notify('content_changed', tg_table_name);
    return null;
end
$$;

create trigger articles_content_changed after insert or update or delete or truncate on articles
    for each statement execute function notify_content_changed();
create trigger article_tags_content_changed after insert or update or delete or truncate on article_tags
    for each statement execute function notify_content_changed();
create trigger article_authors_content_changed after insert or update or delete or truncate on article_authors
    for each statement execute function notify_content_changed();
create trigger categories_content_changed after insert or update or delete or truncate on categories
    for each statement execute function notify_content_changed();
create trigger tags_content_changed after insert or update or delete or truncate on tags
    for each statement execute function notify_content_changed();
create trigger staff_content_changed after insert or update or delete or truncate on staff
    for each statement execute function notify_content_changed();
create trigger article_slug_redirects_content_changed after insert or update or delete or truncate on article_slug_redirects
    for each statement execute function notify_content_changed();

-- Comments matter to readers only when an approved one appears, changes or goes.
create function notify_comment_changed() returns trigger
    language plpgsql as
$$
begin
    if (tg_op = 'INSERT' and new.status = 'APPROVED')
        or (tg_op = 'DELETE' and old.status = 'APPROVED')
        or (tg_op = 'UPDATE' and (old.status = 'APPROVED' or new.status = 'APPROVED')
            and (old.status is distinct from new.status or old.body is distinct from new.body
                 or old.author_name is distinct from new.author_name)) then
        perform pg_notify('content_changed', 'comments');
    end if;
    return null;
end
$$;

create trigger comments_content_changed after insert or update or delete on comments
    for each row execute function notify_comment_changed();
create trigger comments_truncated after truncate on comments
    for each statement execute function notify_content_changed();
