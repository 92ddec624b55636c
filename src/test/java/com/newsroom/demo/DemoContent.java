package com.newsroom.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import com.newsroom.article.Article;
import com.newsroom.article.ArticleContent;
import com.newsroom.article.ArticleEditor;
import com.newsroom.article.Editor;
import com.newsroom.author.Author;
import com.newsroom.author.Authors;
import com.newsroom.category.Categories;
import com.newsroom.category.Category;
import com.newsroom.comment.Comment;
import com.newsroom.comment.CommentReports;
import com.newsroom.comment.Comments;
import com.newsroom.comment.ReportReason;
import com.newsroom.tag.Tag;
import com.newsroom.tag.Tags;

/**
 * Fills an empty development database with a living site: three categories, staff, some forty articles
 * and threaded reader comments, read from {@code classpath:demo/}. Lives only on the test classpath, so it
 * can never reach a production build. Dates are relative to now, so the site always looks current.
 */
public class DemoContent implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoContent.class);

    /** Words that are written in capitals when a tag slug becomes a tag name. */
    private static final Set<String> ACRONYMS = Set.of("ai", "vr", "ar", "xr", "etf", "etfs", "cbdc", "cbdcs", "eu",
            "us", "uk", "nft", "nfts", "gpu", "gpus", "llm", "llms", "defi", "sec");

    private final Categories categories;

    private final Tags tags;

    private final Authors authors;

    private final ArticleEditor articleEditor;

    private final Comments comments;

    private final CommentReports reports;

    /** Every demo comment's id by "article-slug/key", for what refers to comments (reports). */
    private final Map<String, Long> commentIds = new HashMap<>();

    private final JdbcClient jdbc;

    private final TransactionTemplate transaction;

    private final Clock clock;

    private final Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));

    private final DemoWorkflow workflow;

    private final DemoLiveCoverage liveCoverage;
    private final DemoStagedUpdate stagedUpdate;

    public DemoContent(Categories categories, Tags tags, Authors authors, ArticleEditor articleEditor,
            Comments comments, CommentReports reports, JdbcClient jdbc, TransactionTemplate transaction,
            Clock clock, com.newsroom.article.ArticleWorkflow articleWorkflow,
            com.newsroom.moderation.ModerationService moderation, com.newsroom.article.LiveCoverage live,
            com.newsroom.article.ArticleUpdates updates) {
        this.liveCoverage = new DemoLiveCoverage(live, jdbc, clock);
        this.reports = reports;
        this.stagedUpdate = new DemoStagedUpdate(articleEditor, updates);
        this.workflow = new DemoWorkflow(articleEditor, articleWorkflow, moderation, comments, jdbc, clock);
        this.categories = categories;
        this.tags = tags;
        this.authors = authors;
        this.articleEditor = articleEditor;
        this.comments = comments;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        Integer existing = jdbc.sql("select count(*) from articles").query(Integer.class).single();
        if (existing > 0) {
            log.info("Demo content skipped: the database already has {} articles", existing);
            return;
        }
        List<DemoDates> dates = transaction.execute(status -> load());
        // Demo dates are set directly, once the articles are saved: no editorial action back-dates history.
        for (DemoDates date : dates) {
            jdbc.sql("update articles set created_at = :published, updated_at = :updated where id = :id")
                    .param("published", Timestamp.from(date.published()))
                    .param("updated", Timestamp.from(date.updated()))
                    .param("id", date.articleId())
                    .update();
        }
    }

    private record DemoDates(long articleId, Instant published, Instant updated) {
    }

    private List<DemoDates> load() {
        Map<String, Category> categoryBySlug = new HashMap<>();
        for (Category category : List.of(
                new Category("Metaverse", "metaverse",
                        "Virtual worlds, headsets, digital twins and the companies and governments building them.", 1),
                new Category("AI", "ai",
                        "Artificial intelligence: the models, the chips, the rules and the people they affect.", 2),
                new Category("Crypto", "crypto",
                        "Digital assets, exchanges, stablecoins and the regulators watching them.", 3))) {
            categoryBySlug.put(category.getSlug(), categories.save(category));
        }

        Map<String, Author> authorBySlug = new HashMap<>();
        for (Map<String, Object> staff : yamlList("demo/staff.yml")) {
            Author author = authors.save(new Author(text(staff, "displayName"), text(staff, "slug"),
                    text(staff, "bio")));
            authorBySlug.put(author.getSlug(), author);
        }

        Map<String, Tag> tagBySlug = new HashMap<>();
        Map<String, Article> articleBySlug = new HashMap<>();
        List<DemoDates> dates = new ArrayList<>();
        Instant now = clock.instant();
        for (Resource resource : articleFiles()) {
            DemoArticle demo = DemoArticle.parse(read(resource), yaml);
            List<Long> tagIds = demo.tags().stream()
                    .map(slug -> tagBySlug.computeIfAbsent(slug, s -> tags.save(new Tag(tagName(s), s, null))))
                    .map(Tag::getId)
                    .toList();
            List<Long> authorIds = demo.authors().stream()
                    .map(slug -> require(authorBySlug.get(slug), "staff " + slug, resource))
                    .map(Author::getId)
                    .toList();
            Category category = require(categoryBySlug.get(demo.category()), "category " + demo.category(), resource);
            Article article = articleEditor.createDraft(new ArticleContent(demo.title(), demo.slug(), demo.dek(),
                    demo.body(), demo.excerpt(), "/img/demo/" + demo.hero(), demo.heroAlt(), demo.heroCaption(),
                    category.getId(), tagIds, authorIds, demo.featured(), demo.commentsOpen()), Editor.SYSTEM);
            Instant published = now.minus(Duration.ofHours(demo.publishedHoursAgo()));
            articleEditor.publish(article.getId(), published, Editor.SYSTEM);
            articleBySlug.put(demo.slug(), article);
            Instant updated = demo.updatedHoursAgo() == null ? published
                    : now.minus(Duration.ofHours(demo.updatedHoursAgo()));
            dates.add(new DemoDates(article.getId(), published, updated));
        }
        int commentCount = loadComments(articleBySlug);
        loadReports();
        workflow.load(authorBySlug, categoryBySlug.get("ai").getId(), articleBySlug);
        liveCoverage.load(authorBySlug, articleBySlug);
        stagedUpdate.load(authorBySlug, articleBySlug);
        log.info("Demo content loaded: {} categories, {} staff, {} tags, {} articles, {} comments",
                categoryBySlug.size(), authorBySlug.size(), tagBySlug.size(), articleBySlug.size(), commentCount);
        return dates;
    }

    private int loadComments(Map<String, Article> articleBySlug) {
        int count = 0;
        for (Map<String, Object> thread : yamlList("demo/comments.yml")) {
            Article article = articleBySlug.get(text(thread, "article"));
            if (article == null) {
                throw new IllegalStateException("comments.yml names an unknown article: " + thread.get("article"));
            }
            Map<String, Long> idByKey = new HashMap<>();
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> entries = (List<Map<String, Object>>) thread.get("comments");
            List<Map<String, Object>> ordered = new ArrayList<>(entries);
            ordered.sort(Comparator.comparingInt(c -> ((Number) c.get("hoursAfterPublish")).intValue()));
            for (Map<String, Object> entry : ordered) {
                Long parentId = entry.get("parent") == null ? null : idByKey.get(text(entry, "parent"));
                Instant at = article.getPublishedAt()
                        .plus(Duration.ofHours(((Number) entry.get("hoursAfterPublish")).longValue()));
                Comment comment = new Comment(article.getId(), parentId, text(entry, "name"), text(entry, "email"),
                        (String) entry.get("website"), text(entry, "body").strip(), at);
                comment.approve();
                idByKey.put(text(entry, "key"), comments.save(comment).getId());
                commentIds.put(text(thread, "article") + "/" + text(entry, "key"), idByKey.get(text(entry, "key")));
                count++;
            }
        }
        return count;
    }

    /** Readers' reports of demo comments ({@code demo/reports.yml}), so the moderators' list has work in it. */
    private void loadReports() {
        for (Map<String, Object> report : yamlList("demo/reports.yml")) {
            Long commentId = commentIds.get(text(report, "comment"));
            if (commentId == null) {
                throw new IllegalStateException("reports.yml names an unknown comment: " + report.get("comment"));
            }
            reports.report(commentId, ReportReason.valueOf(text(report, "reason")),
                    String.valueOf(report.getOrDefault("note", "")), text(report, "from"));
        }
    }

    static String tagName(String slug) {
        String[] words = slug.split("-");
        StringBuilder name = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
            String word = words[i];
            if (i > 0) {
                name.append(' ');
            }
            if (ACRONYMS.contains(word)) {
                name.append(word.toUpperCase(Locale.ROOT));
            }
            else if (i == 0) {
                name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
            else {
                name.append(word);
            }
        }
        return name.toString();
    }

    private List<Resource> articleFiles() {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath:demo/articles/*.md");
            return Arrays.stream(files).sorted(Comparator.comparing(Resource::getFilename)).toList();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> yamlList(String path) {
        try (InputStream in = new PathMatchingResourcePatternResolver().getResource("classpath:" + path)
                .getInputStream()) {
            return (List<Map<String, Object>>) yaml.load(in);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static String read(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static <T> T require(T value, String what, Resource resource) {
        if (value == null) {
            throw new IllegalStateException(resource.getFilename() + " names an unknown " + what);
        }
        return value;
    }

    private static String text(Map<String, Object> map, String key) {
        Object value = map.get(key);
        return value == null ? null : value.toString();
    }
}
