-- The audit log names what it is about with a link to it (an article's editor, a comment's history), and is
-- read filtered by person or action, newest first.

alter table audit_log add column link text;
create index audit_log_actor_idx on audit_log (actor_id, id desc);
create index audit_log_action_idx on audit_log (action, id desc);
