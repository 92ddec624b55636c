package com.newsroom.standards;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;


import com.newsroom.testsupport.StaffLogins;
import com.newsroom.account.Role;
import com.newsroom.article.Article;
import com.newsroom.comment.Comment;
import com.newsroom.comment.CommentStatus;
import com.newsroom.testsupport.TestContent;

/**
 * Every page type a reader or member of staff can see, checked for accessibility (axe-core in chromium) and
 * HTML validity (the Nu HTML checker). Adding a page type is adding one line to {@link #ALL}; placeholders in
 * braces are filled from {@link Fixture}.
 */
final class PageTypes {

    /** A page: fetched with GET, or the answer to a POST of {@code form} (a form sent with errors, say). */
    record PageType(String name, String path, boolean staff, Map<String, String> form) {

        static PageType reader(String name, String path) {
            return new PageType(name, path, false, null);
        }

        static PageType staff(String name, String path) {
            return new PageType(name, path, true, null);
        }

        static PageType posted(String name, String path, Map<String, String> form) {
            return new PageType(name, path, false, form);
        }

        String resolvedPath(Fixture fixture) {
            return fixture.resolve(path);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static final List<PageType> ALL = List.of(
            PageType.reader("home", "/"),
            PageType.reader("latest", "/latest"),
            PageType.reader("article with comments", "/articles/{article}"),
            PageType.reader("category listing", "/category/{category}"),
            PageType.reader("tag listing", "/tag/{tag}"),
            PageType.reader("author listing", "/author/{author}"),
            PageType.reader("listing page 2", "/latest?page=2"),
            PageType.reader("not found (404)", "/no-such-page"),
            PageType.posted("comment form with errors", "/articles/{article}/comments",
                    Map.of("name", "", "email", "not-an-address", "body", "")),
            PageType.reader("sign-in", "/login"),
            PageType.reader("sign-in failed", "/login?error=failed"),
            PageType.staff("admin dashboard", "/admin"),
            PageType.staff("moderation queue", "/admin/comments"),
            PageType.staff("moderation queue, approved tab", "/admin/comments?status=APPROVED"),
            PageType.staff("moderation comment detail", "/admin/comments/{comment}"),
            PageType.staff("moderation queue, searched", "/admin/comments?q=di"),
            PageType.staff("moderation queue, search with no match", "/admin/comments?q=nobody"),
            PageType.staff("moderation detail of a held reply", "/admin/comments/{reply}"),
            PageType.staff("blocked words and sites", "/admin/comments/blocklist"),
            PageType.staff("article review and notes", "/admin/articles/{articleId}/review"),
            PageType.reader("search results", "/search?q=standards"),
            PageType.reader("search without a query", "/search"),
            PageType.staff("article list (admin)", "/admin/articles"),
            PageType.staff("article editor, new", "/admin/articles/new"),
            PageType.staff("article editor", "/admin/articles/{articleId}/edit"),
            PageType.staff("article revisions", "/admin/articles/{articleId}/revisions"),
            PageType.staff("article editor, unsaved changes offered", "/admin/articles/new"),
            PageType.staff("article editor, unsaved changes restored", "/admin/articles/new?restore=autosave"),
            PageType.staff("article trash", "/admin/articles/trash"),
            PageType.staff("delete for good, confirmation", "/admin/articles/{articleId}/purge"),
            PageType.staff("pending update", "/admin/articles/{articleId}/update"),
            PageType.staff("pending update, discard confirmation", "/admin/articles/{articleId}/update/discard"),
            PageType.staff("categories (admin)", "/admin/categories"),
            PageType.staff("tags (admin)", "/admin/tags"),
            PageType.staff("media library", "/admin/media"),
            PageType.staff("site settings", "/admin/settings"),
            PageType.staff("staff", "/admin/staff"),
            PageType.staff("audit log", "/admin/audit"),
            PageType.staff("audit log, filtered", "/admin/audit?action=article.published&from=2000-01-01&to=2999-12-31"),
            PageType.staff("audit log, a date that is not one", "/admin/audit?from=yesterday"),
            PageType.staff("own profile", "/admin/profile"));

    static final String STAFF_LOGIN = "standards.admin";

    /** Content for every page type: an article in a category, tagged, by an author, with comments. */
    record Fixture(Article article, Comment comment, Comment reply) {

        static Fixture create(TestContent content, StaffLogins staff) {
            content.reset();
            var world = content.category("World");
            var energy = content.tag("Energy");
            var writer = content.author("Jo Writer");
            for (int i = 1; i <= 25; i++) {
                content.article("Filler story " + i).in(world).tagged(energy).by(writer).published();
            }
            Article article = content.article("Standards story").in(world).tagged(energy).by(writer)
                    .dek("A story with every part a reader can see")
                    .body("""
                            An opening paragraph with a [link](https://example.org/source).

                            ## A subheading

                            - a list item
                            - another one

                            > A quotation from someone.
                            """)
                    .hero("/img/favicon.svg", "The site's logo")
                    .published();
            Comment approved = content.comment(article, null, "Ada Reader", "A thoughtful remark.",
                    CommentStatus.APPROVED);
            content.comment(article, approved, "Bo Reader", "A reply to Ada.", CommentStatus.APPROVED);
            Comment pending = content.comment(article, null, "Cy Reader", "Is there a source?", CommentStatus.PENDING);
            Comment reply = content.comment(article, approved, "Di Reader", "A held reply to Ada.", CommentStatus.PENDING);
            var admin = staff.create("Standards Admin", Role.ADMIN);
            // Text the administrator typed in a new article and never saved: the editor offers it back.
            content.jdbc().sql("""
                    insert into article_autosaves (staff_id, article_id, fields, saved_at)
                    values (:staff, null, cast(:fields as jsonb), now())""")
                    .param("staff", admin.getStaffId())
                    .param("fields", "{\"title\": [\"Unsaved headline\"], \"bodyMarkdown\": [\"Typed, *never* saved.\"]}")
                    .update();
            // A staged update to the published story, waiting for review: the editor opens on it, it has its own pages.
            content.jdbc().sql("""
                    insert into article_pending_updates (article_id, content, started_at, saved_at, saved_by_name,
                        review_requested_at)
                    values (:article, jsonb_build_object('title', 'Standards story, updated', 'slug', 'standards-story',
                        'dek', 'A dek', 'bodyMarkdown', 'An *updated* paragraph.', 'excerpt', '',
                        'categoryId', :category, 'tagNames', jsonb_build_array('Energy'),
                        'authorIds', jsonb_build_array(:author), 'featured', false, 'commentsOpen', true),
                        now(), now(), 'Standards Admin', now())""")
                    .param("article", article.getId()).param("category", world.getId())
                    .param("author", writer.getId()).update();
            return new Fixture(article, pending, reply);
        }

        String resolve(String path) {
            Map<String, String> values = new LinkedHashMap<>();
            values.put("{articleId}", String.valueOf(article.getId()));
            values.put("{article}", article.getSlug());
            values.put("{category}", "world");
            values.put("{tag}", "energy");
            values.put("{author}", "jo-writer");
            values.put("{comment}", String.valueOf(comment.getId()));
            values.put("{reply}", String.valueOf(reply.getId()));
            String resolved = path;
            for (var entry : values.entrySet()) {
                resolved = resolved.replace(entry.getKey(), entry.getValue());
            }
            return resolved;
        }
    }

    private PageTypes() {
    }
}
