/**
 * Email: replies to readers who asked for them (double opt-in, one-click unsubscribe), moderators' digest of
 * waiting comments, and the outbox every mail goes through. Requests only ever queue mail; a background job
 * sends it and retries, so a slow or absent mail server never slows or fails a page.
 */
package com.newsroom.notification;
