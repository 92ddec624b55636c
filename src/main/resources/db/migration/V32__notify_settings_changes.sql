-- Site settings and renamed sections change every page: announce them like any other content change.
create trigger site_settings_content_changed after insert or update or delete or truncate on site_settings
    for each statement execute function notify_content_changed();
create trigger category_slug_redirects_content_changed after insert or update or delete or truncate on category_slug_redirects
    for each statement execute function notify_content_changed();
