-- Trust boundaries (issue 11): where staff usually sign in from, one-time comment form tokens, unguessable
-- public addresses for media, and no invisible control or direction characters in stored names and comments.

-- Addresses (keyed hashes) an account has signed in from: attempts from them are not slowed down by failures
-- that strangers cause on the account.
create table login_known_addresses (
    account_id        bigint      not null references accounts (id) on delete cascade,
    address_hash      text        not null,
    last_signed_in_at timestamptz not null,
    primary key (account_id, address_hash)
);

-- Nonces of comment forms already sent back; a form is good for one comment. Rows older than the longest a
-- form stays valid are swept (a token that old is refused for its age anyway).
create table comment_form_tokens_used (
    nonce   text        primary key,
    used_at timestamptz not null
);
create index comment_form_tokens_used_at_idx on comment_form_tokens_used (used_at);

-- Media are served publicly under a random key, never a sequential id: an image uploaded for an embargoed
-- draft cannot be found by counting. Stored links to the old addresses move to the new ones.
alter table media add column public_key text not null default replace(gen_random_uuid()::text, '-', '');
create unique index media_public_key_idx on media (public_key);
do $$
declare
    m record;
    old_prefix text;
    new_prefix text;
begin
    for m in select id, public_key from media loop
        old_prefix := '/media/' || m.id || '/';
        new_prefix := '/media/' || m.public_key || '/';
        update articles set body_markdown = replace(body_markdown, old_prefix, new_prefix),
                            body_html = replace(body_html, old_prefix, new_prefix),
                            hero_image_url = replace(hero_image_url, old_prefix, new_prefix)
        where strpos(body_markdown, old_prefix) > 0 or strpos(body_html, old_prefix) > 0
           or strpos(hero_image_url, old_prefix) > 0;
        update article_revisions set body_markdown = replace(body_markdown, old_prefix, new_prefix),
                                     hero_image_url = replace(hero_image_url, old_prefix, new_prefix)
        where strpos(body_markdown, old_prefix) > 0 or strpos(hero_image_url, old_prefix) > 0;
        update staff set avatar_url = replace(avatar_url, old_prefix, new_prefix)
        where strpos(avatar_url, old_prefix) > 0;
    end loop;
end $$;

-- C0/C1 control characters (line breaks and tabs kept in bodies) and bidirectional controls, which could hide
-- text or reverse what surrounds a name, go from what is already stored; new input is cleaned on the way in.
update comments
set author_name = coalesce(nullif(btrim(regexp_replace(author_name,
    '[\x01-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]', '', 'g')), ''), '[removed]')
where author_name ~ '[\x01-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]';
update comments
set body = coalesce(nullif(btrim(regexp_replace(body,
    '[\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]', '', 'g')), ''), '[removed]')
where body ~ '[\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]';
update staff
set display_name = coalesce(nullif(btrim(regexp_replace(display_name,
    '[\x01-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]', '', 'g')), ''), 'Staff')
where display_name ~ '[\x01-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]';
