-- How a link to the article looks where it is shared (search results, social cards): an optional meta description
-- (the excerpt when empty) and an optional social image from the media library (the hero image when empty).
-- Saved with the text, so they are kept in the revisions too.
alter table articles
    add column meta_description text check (meta_description is null or length(meta_description) <= 160),
    add column social_image_url text,
    add column social_image_alt text check (social_image_alt is null or length(social_image_alt) <= 300);

alter table article_revisions
    add column meta_description text,
    add column social_image_url text,
    add column social_image_alt text;
