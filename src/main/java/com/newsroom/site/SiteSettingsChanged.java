package com.newsroom.site;

/**
 * An administrator saved the site settings here. Published inside the saving transaction; the settings kept in
 * memory are dropped once it has committed. Other instances learn of it from the database's change notification.
 */
public record SiteSettingsChanged() {
}
