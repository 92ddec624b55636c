package com.newsroom.category;

/**
 * The list of categories changed here (one added, renamed, moved or deleted). Published inside the transaction
 * that made the change; whatever keeps the list in memory refreshes once it has committed. Other instances learn
 * of it from the database's change notification.
 */
public record CategoriesChanged() {
}
