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

    /**
     * A page: fetched with GET, or the answer to a POST of {@code form} (a form sent with errors, say). A staff
     * form is sent from {@code formPage} (its CSRF token) and the page it redirects to is checked.
     */
    record PageType(String name, String path, boolean staff, Map<String, String> form, String formPage) {

        static PageType reader(String name, String path) {
            return new PageType(name, path, false, null, null);
        }

        static PageType staff(String name, String path) {
            return new PageType(name, path, true, null, null);
        }

        static PageType posted(String name, String path, Map<String, String> form) {
            return new PageType(name, path, false, form, null);
        }

        static PageType staffPosted(String name, String formPage, String path, Map<String, String> form) {
            return new PageType(name, path, true, form, formPage);
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
            PageType.reader("live article", "/articles/live-standards-story"),
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
            PageType.staff("live desk", "/admin/articles/{liveId}/live"),
            PageType.reader("search results", "/search?q=standards"),
            PageType.reader("search without a query", "/search"),
            PageType.staff("article list (admin)", "/admin/articles"),
            PageType.staff("article editor, new", "/admin/articles/new"),
            PageType.staff("article editor", "/admin/articles/{articleId}/edit"),
            PageType.staff("article revisions", "/admin/articles/{articleId}/revisions"),
            PageType.staff("article revisions with editors' notes", "/admin/articles/{articleId}/revisions"),
            PageType.staff("article editor, image upload dialog", "/admin/articles/{articleId}/edit#image-upload"),
            PageType.staff("article editor, share card preview", "/admin/articles/{shared}/edit"),
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
            PageType.staff("own profile", "/admin/profile"),
            // Last: it decides the held comment the pages above show.
            PageType.staffPosted("moderation queue, a decision with its undo notice", "/admin/comments",
                    "/admin/comments/{comment}/decide", Map.of("decision", "approve", "returnTo", "/admin/comments")));

    static final String STAFF_LOGIN = "standards.admin";

    /** Content for every page type: an article in a category, tagged, by an author, with comments. */
    record Fixture(Article article, Comment comment, Comment reply, Article shared, Article live) {

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
            Article live = content.article("Live standards story").in(world).by(writer).published();
            content.jdbc().sql("insert into live_coverage (article_id, started_at) values (:id, now())")
                    .param("id", live.getId()).update();
            content.jdbc().sql("""
                    insert into live_updates (article_id, body_markdown, body_html, author_name, posted_at, pinned)
                    values (:id, 'A **first** update.', '<p>A <strong>first</strong> update.</p>', 'Jo Writer',
                            now() - interval '1 hour', true),
                           (:id, 'A second update.', '<p>A second update.</p>', 'Jo Writer', now(), false)""")
                    .param("id", live.getId()).update();
            content.jdbc().sql("""
                    insert into live_update_revisions (update_id, body_markdown, replaced_at, replaced_by_name)
                    select id, 'The first text.', now(), 'Jo Writer' from live_updates where pinned""").update();
            // Text the administrator typed in a new article and never saved: the editor offers it back.
            content.jdbc().sql("""
                    insert into article_autosaves (staff_id, article_id, fields, saved_at)
                    values (:staff, null, cast(:fields as jsonb), now())""")
                    .param("staff", admin.getStaffId())
                    .param("fields", "{\"title\": [\"Unsaved headline\"], \"bodyMarkdown\": [\"Typed, *never* saved.\"]}")
                    .update();
            // An article with its own meta description and social image, and an editor's note between its saves.
            Article shared = content.article("Shared story").in(world).by(writer).body("A lead paragraph.")
                    .hero("/img/favicon.svg", "The site's logo").published();
            content.jdbc().sql("""
                    update articles set meta_description = 'What a shared link says.',
                        social_image_url = '/img/favicon.svg', social_image_alt = 'The logo, for sharing' where id = :id""")
                    .param("id", shared.getId()).update();
            content.jdbc().sql("""
                    insert into article_notes (article_id, kind, body, written_at, written_by, written_by_name)
                    values (:id, 'RETURNED', 'Needs a second source.', now(), :staff, 'Standards Admin')""")
                    .param("id", article.getId()).param("staff", admin.getStaffId()).update();
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
            return new Fixture(article, pending, reply, shared, live);
        }

        String resolve(String path) {
            Map<String, String> values = new LinkedHashMap<>();
            values.put("{articleId}", String.valueOf(article.getId()));
            values.put("{shared}", String.valueOf(shared.getId()));
            values.put("{liveId}", String.valueOf(live.getId()));
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
