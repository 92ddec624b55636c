/**
 * The article module's own machinery that no other module calls: listeners that keep the audit trail and the
 * article tables in step with what happens (article events, category and tag changes).
 */
package com.newsroom.article.internal;
