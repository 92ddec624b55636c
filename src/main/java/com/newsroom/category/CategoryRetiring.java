package com.newsroom.category;

/**
 * A category is about to be deleted; whatever is filed under it moves to {@code movedTo} first. Published inside
 * the deleting transaction, so a listener's moves and the deletion happen together.
 */
public record CategoryRetiring(long categoryId, long movedTo) {
}
