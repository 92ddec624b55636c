-- The moderation queue searches comments by a name's beginning or an exact address hash (emails are indexed
-- already), and a comment's page lists the other comments from the same email or address.
create index comments_author_name_search_idx on comments (lower(author_name) text_pattern_ops);
create index comments_ip_hash_idx on comments (ip_hash) where ip_hash is not null;
