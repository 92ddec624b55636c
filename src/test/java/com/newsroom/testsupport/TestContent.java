package com.newsroom.testsupport;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.newsroom.article.Article;
import com.newsroom.article.ArticleContent;
import com.newsroom.article.ArticleEditor;
import com.newsroom.article.Editor;
import com.newsroom.author.Author;
import com.newsroom.author.Authors;
import com.newsroom.category.Categories;
import com.newsroom.category.Category;
import com.newsroom.comment.Comment;
import com.newsroom.comment.CommentStatus;
import com.newsroom.comment.Comments;
import com.newsroom.cache.ContentChangeListener;
import com.newsroom.cache.PageCache;
import com.newsroom.site.Navigation;
import com.newsroom.site.SiteSettingsProvider;
import com.newsroom.tag.Tag;
import com.newsroom.tag.Tags;

/** Builds the content a test needs through the application's own services, and empties the database. */
@TestComponent
public class TestContent {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final Categories categories;

    private final Tags tags;

    private final Authors authors;

    private final ArticleEditor articles;

    private final Comments comments;

    private final JdbcClient jdbc;

    private final Clock clock;

    private final Navigation navigation;

    private final SiteSettingsProvider siteSettings;

    private final ContentChangeListener changeListener;

    private final PageCache pageCache;

    TestContent(Categories categories, Tags tags, Authors authors, ArticleEditor articles, Comments comments,
            JdbcClient jdbc, Clock clock, Navigation navigation, SiteSettingsProvider siteSettings,
            ContentChangeListener changeListener, PageCache pageCache) {
        this.changeListener = changeListener;
        this.pageCache = pageCache;
        this.navigation = navigation;
        this.siteSettings = siteSettings;
        this.categories = categories;
        this.tags = tags;
        this.authors = authors;
        this.articles = articles;
        this.comments = comments;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Empties every table but Flyway's history, so each test starts from a known, empty site. */
    public void reset() {
        if (clock instanceof MutableClock mutable) {
            mutable.set(Instant.now());
        }
        List<String> tables = jdbc.sql("""
                select quote_ident(tablename) from pg_tables
                where schemaname = 'public' and tablename <> 'flyway_schema_history'""")
                .query(String.class).list();
        if (!tables.isEmpty()) {
            jdbc.sql("truncate " + String.join(", ", tables) + " restart identity cascade").update();
        }
        navigation.refresh();
        siteSettings.refresh();
        // Once the truncation's own announcements have arrived, none of them can empty the cache mid-test; and
        // no page of the previous test is served to this one.
        settle();
        pageCache.invalidateAll();
    }

    public Category category(String name) {
        Category category = categories.save(new Category(name, slug(name), "All about " + name + ".",
                SEQUENCE.incrementAndGet()));
        navigation.refresh();
        return category;
    }

    public Tag tag(String name) {
        return tags.save(new Tag(name, slug(name), null));
    }

    public Author author(String name) {
        return authors.save(new Author(name, slug(name), name + " writes about technology."));
    }

    public ArticleBuilder article(String title) {
        return new ArticleBuilder(title);
    }

    public Comment comment(Article article, Comment parent, String name, String body, CommentStatus status) {
        Comment comment = new Comment(article.getId(), parent == null ? null : parent.getId(), name,
                slug(name) + "@example.com", null, body, clock.instant());
        if (status == CommentStatus.APPROVED) {
            comment.approve();
        }
        return comments.save(comment);
    }

    public Instant now() {
        return clock.instant();
    }

    /**
     * Waits until the database's change notifications for what the test wrote so far have arrived (they
     * refresh in-memory navigation, settings and pages asynchronously), so none lands mid-measurement.
     * PostgreSQL delivers notifications in commit order, so once a marker sent now has arrived, so has
     * everything before it.
     */
    public void settle() {
        String marker = "test-marker-" + SEQUENCE.incrementAndGet();
        jdbc.sql("select pg_notify('content_changed', ?)").param(marker).query(Object.class).list();
        org.awaitility.Awaitility.await("change notifications up to " + marker + " handled")
                .atMost(java.time.Duration.ofSeconds(30)).pollInterval(java.time.Duration.ofMillis(10))
                .until(() -> changeListener.hasHandled(marker));
    }

    public JdbcClient jdbc() {
        return jdbc;
    }

    /** The clock the application runs on in tests. */
    public MutableClock clock() {
        return (MutableClock) clock;
    }

    private static String slug(String name) {
        return com.newsroom.web.Slugs.from(name);
    }

    public final class ArticleBuilder {

        private final String title;

        private String slug;

        private String dek = "A dek for the story.";

        private String body = "## A subheading\n\nThe first paragraph of the story.\n\nThe second paragraph.";

        private String excerpt = "";

        private Category category;

        private final List<Long> tagIds = new ArrayList<>();

        private final List<Long> authorIds = new ArrayList<>();

        private String heroUrl;

        private String heroAlt;

        private boolean featured;

        private boolean commentsOpen = true;

        private ArticleBuilder(String title) {
            this.title = title;
            this.slug = TestContent.slug(title);
        }

        public ArticleBuilder slug(String value) {
            this.slug = value;
            return this;
        }

        public ArticleBuilder dek(String value) {
            this.dek = value;
            return this;
        }

        public ArticleBuilder body(String value) {
            this.body = value;
            return this;
        }

        public ArticleBuilder excerpt(String value) {
            this.excerpt = value;
            return this;
        }

        public ArticleBuilder in(Category value) {
            this.category = value;
            return this;
        }

        public ArticleBuilder tagged(Tag... values) {
            for (Tag tag : values) {
                tagIds.add(tag.getId());
            }
            return this;
        }

        public ArticleBuilder by(Author... values) {
            for (Author author : values) {
                authorIds.add(author.getId());
            }
            return this;
        }

        public ArticleBuilder hero(String url, String alt) {
            this.heroUrl = url;
            this.heroAlt = alt;
            return this;
        }

        public ArticleBuilder featured() {
            this.featured = true;
            return this;
        }

        public ArticleBuilder commentsClosed() {
            this.commentsOpen = false;
            return this;
        }

        public Article draft() {
            if (category == null) {
                category = category("General " + SEQUENCE.incrementAndGet());
            }
            return articles.createDraft(new ArticleContent(title, slug, dek, body, excerpt, heroUrl, heroAlt,
                    heroUrl == null ? null : "A caption", category.getId(), tagIds, authorIds, featured,
                    commentsOpen), Editor.SYSTEM);
        }

        public Article publishedAt(Instant at) {
            return articles.publish(draft().getId(), at, Editor.SYSTEM);
        }

        public Article published() {
            return publishedAt(clock.instant());
        }
    }
}
