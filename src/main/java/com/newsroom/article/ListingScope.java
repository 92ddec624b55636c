package com.newsroom.article;

/**
 * Where a newest-first listing of published articles reads its keys from: listing pages and feeds alike. Each
 * scope is backed by a partial index on (owner, date desc, id desc), so a page is one index range scan whatever
 * its number.
 */
public enum ListingScope {

    LATEST("published_articles", "id", "published_at", "true"),
    CATEGORY("published_articles", "id", "published_at", "primary_category_id = :owner"),
    TAG("article_tags", "article_id", "listed_at", "listed_at is not null and tag_id = :owner"),
    AUTHOR("article_authors", "article_id", "listed_at", "listed_at is not null and staff_id = :owner");

    private final String table;

    private final String idColumn;

    private final String dateColumn;

    private final String filter;

    ListingScope(String table, String idColumn, String dateColumn, String filter) {
        this.table = table;
        this.idColumn = idColumn;
        this.dateColumn = dateColumn;
        this.filter = filter;
    }

    /**
     * The ids ({@code id}) and dates ({@code at}) of the newest published articles in this scope; parameters
     * {@code :owner} (but for {@link #LATEST}), {@code :limit} and {@code :offset}.
     */
    public String newestSql() {
        return forwardSql(false);
    }

    /** Newest first, optionally strictly after (older than) a cursor. */
    String forwardSql(boolean fromCursor) {
        return select() + (fromCursor ? " and (%s, %s) < (:at, :id)".formatted(dateColumn, idColumn) : "")
                + " order by %s desc, %s desc limit :limit offset :offset".formatted(dateColumn, idColumn);
    }

    /** Oldest first from a cursor, for the page before it; the caller reverses the rows. */
    String backwardSql() {
        return select() + " and (%s, %s) > (:at, :id) order by %s asc, %s asc limit :limit".formatted(dateColumn,
                idColumn, dateColumn, idColumn);
    }

    private String select() {
        return "select %s as id, %s as at from %s where %s".formatted(idColumn, dateColumn, table, filter);
    }
}
