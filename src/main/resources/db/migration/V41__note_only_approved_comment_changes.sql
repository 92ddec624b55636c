-- Comments readers never see (held, spam, rejected: most of the writes under a comment flood, and every row
-- the retention job purges) now cost no trigger work at all: the comment triggers of V40 fire only when an
-- approved comment is involved, instead of firing for every row and finding nothing to note.

drop trigger comments_changed_pages on comments;
drop trigger comments_send_changed_pages on comments;

create trigger comments_inserted_changed_pages after insert on comments
    for each row when (new.status = 'APPROVED') execute function note_comment_change();
create trigger comments_updated_changed_pages after update on comments
    for each row when (old.status = 'APPROVED' or new.status = 'APPROVED') execute function note_comment_change();
create trigger comments_deleted_changed_pages after delete on comments
    for each row when (old.status = 'APPROVED') execute function note_comment_change();

create constraint trigger comments_inserted_send_changed_pages after insert on comments
    deferrable initially deferred for each row when (new.status = 'APPROVED') execute function send_changed_pages();
create constraint trigger comments_updated_send_changed_pages after update on comments
    deferrable initially deferred for each row when (old.status = 'APPROVED' or new.status = 'APPROVED')
    execute function send_changed_pages();
create constraint trigger comments_deleted_send_changed_pages after delete on comments
    deferrable initially deferred for each row when (old.status = 'APPROVED') execute function send_changed_pages();
