package com.newsroom.comment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.newsroom.comment.ThreadComments.ThreadComment;
import com.newsroom.site.SiteSettingsProvider;

/**
 * Builds the threaded list of comments shown under an article, a page at a time: {@link #PAGE_SIZE} top-level
 * comments with their replies, so a thread of thousands renders as fast as a short one. Each page of the approved
 * thread, the same for every reader, is built once per thread version (which the database moves with every change to an approved comment, see V42) and
 * kept in memory, bounded by the number of comments held; a new version is simply a different key, so a change is
 * shown by the next render and the old thread ages out.
 */
@Service
@Transactional(readOnly = true)
public class CommentThreads {

    /** About 1 KB each once built: tens of megabytes at most, beside a 256 MB heap. */
    private static final long MAX_COMMENTS_HELD = 20_000;

    private final Comments comments;

    private final ThreadComments threadComments;

    private final JdbcClient jdbc;

    private final Cache<ThreadVersion, ThreadPage> approvedThreads = Caffeine.newBuilder()
            .maximumWeight(MAX_COMMENTS_HELD)
            .weigher((ThreadVersion key, ThreadPage thread) -> 1 + count(thread.comments()))
            .build();

    private final CommentSubmissions submissions;

    private final SiteSettingsProvider siteSettings;

    CommentThreads(Comments comments, ThreadComments threadComments, CommentSubmissions submissions,
            JdbcClient jdbc, SiteSettingsProvider siteSettings) {
        this.siteSettings = siteSettings;
        this.comments = comments;
        this.threadComments = threadComments;
        this.jdbc = jdbc;
        this.submissions = submissions;
    }

    /** Top-level comments on one page of a thread, each with all its replies: a page stays light to render. */
    public static final int PAGE_SIZE = 50;

    private record ThreadVersion(long articleId, long version, int page, boolean newestFirst) {
    }

    /**
     * One page of an article's thread: its comments (top level, with their replies), which page it is of how many,
     * and the order the site shows threads in.
     */
    public record ThreadPage(List<CommentView> comments, int number, int pages, boolean newestFirst) {

        public boolean hasPrevious() {
            return number > 1;
        }

        public boolean hasNext() {
            return number < pages;
        }
    }

    /**
     * A page of the approved thread (1 is the first), plus the reader's own comments still awaiting moderation:
     * replies under their parent when it is on the page, new top-level ones on the first page. The thread version is
     * read first: a change committed after it is read is shown by the next render. (No transaction is needed for
     * that, and with JPA's transaction manager one would open a persistence context on every page.) Empty when the
     * page is past the end of the thread: the caller answers 404.
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    public Optional<ThreadPage> forReader(long articleId, Collection<Long> ownPendingIds, int page) {
        boolean newestFirst = siteSettings.commentPolicy().newestFirst();
        long version = jdbc.sql("select coalesce(max(version), 0) from comment_thread_versions where article_id = ?")
                .param(articleId).query(Long.class).single();
        ThreadPage approved = approvedThreads.get(new ThreadVersion(articleId, version, page, newestFirst),
                key -> approvedPage(articleId, page, newestFirst));
        if (page > approved.pages()) {
            return Optional.empty();
        }
        if (ownPendingIds.isEmpty()) {
            return Optional.of(approved);
        }
        List<ThreadComment> shown = new ArrayList<>(
                threadComments.approvedPage(articleId, newestFirst, PAGE_SIZE, (page - 1) * PAGE_SIZE).comments());
        Set<Long> onPage = new HashSet<>();
        shown.forEach(c -> onPage.add(c.id()));
        comments.findAllById(ownPendingIds).stream()
                .filter(c -> c.getArticleId() == articleId && c.getStatus() == CommentStatus.PENDING)
                .filter(c -> c.getParentId() != null && onPage.contains(c.getParentId()) || page == 1)
                .map(ThreadComment::of)
                .forEach(shown::add);
        shown.sort(Comparator.comparing(ThreadComment::createdAt).thenComparing(ThreadComment::id));
        return Optional.of(new ThreadPage(thread(shown, newestFirst), page, approved.pages(), newestFirst));
    }

    /**
     * Where a reader sees this comment: its article's address, with the page of the thread that shows it and its
     * anchor. Only for an approved comment under a published article; anything else is shown nowhere.
     */
    @Transactional(readOnly = true)
    public Optional<String> link(long commentId) {
        Optional<String> slug = jdbc.sql("""
                select a.slug from comments c join published_articles a on a.id = c.article_id
                where c.id = :id and c.status = 'APPROVED'""")
                .param("id", commentId)
                .query(String.class)
                .optional();
        return slug.map(s -> {
            int page = pageOf(commentId);
            return "/articles/" + s + (page == 1 ? "" : "?comments=" + page) + "#comment-" + commentId;
        });
    }

    /** The page of the thread that shows this approved comment (its top-level comment's page). */
    private int pageOf(long commentId) {
        Comment comment = comments.findById(commentId).orElse(null);
        if (comment == null) {
            return 1;
        }
        Long rootId = commentId;
        // Up to the top-level comment it hangs under (a short chain: threads are a few levels deep).
        while (comment != null && comment.getParentId() != null) {
            Comment parent = comments.findById(comment.getParentId()).orElse(null);
            if (parent == null || parent.getStatus() != CommentStatus.APPROVED) {
                break;
            }
            comment = parent;
            rootId = parent.getId();
        }
        long before = comments.countApprovedTopLevelBefore(rootId);
        if (siteSettings.commentPolicy().newestFirst()) {
            before = comments.countApprovedTopLevel(comment.getArticleId()) - 1 - before;
        }
        return (int) (before / PAGE_SIZE) + 1;
    }

    private ThreadPage approvedPage(long articleId, int page, boolean newestFirst) {
        ThreadComments.Page read = threadComments.approvedPage(articleId, newestFirst, PAGE_SIZE,
                (page - 1) * PAGE_SIZE);
        int pages = (int) Math.max(1, (read.topLevel() + PAGE_SIZE - 1) / PAGE_SIZE);
        return new ThreadPage(thread(read.comments(), newestFirst), page, pages, newestFirst);
    }

    /** The comments (oldest first) as a thread; the top level newest first when the site says so. */
    private List<CommentView> thread(List<ThreadComment> shown, boolean newestFirst) {
        Set<Long> ids = new HashSet<>();
        shown.forEach(c -> ids.add(c.id()));
        Map<Long, List<ThreadComment>> children = new HashMap<>();
        List<ThreadComment> roots = new ArrayList<>();
        for (ThreadComment comment : shown) {
            // A reply whose parent is not shown (withdrawn, say) is shown at the top level.
            if (comment.parentId() != null && ids.contains(comment.parentId())) {
                children.computeIfAbsent(comment.parentId(), k -> new ArrayList<>()).add(comment);
            }
            else {
                roots.add(comment);
            }
        }
        if (newestFirst) {
            Collections.reverse(roots);
        }
        return roots.stream().map(root -> view(root, children, 0)).toList();
    }

    private CommentView view(ThreadComment comment, Map<Long, List<ThreadComment>> children, int depth) {
        List<CommentView> replies = children.getOrDefault(comment.id(), List.of()).stream()
                .map(child -> view(child, children, depth + 1))
                .toList();
        boolean pending = !comment.approved();
        return new CommentView(comment.id(), comment.authorName(), safeWebsite(comment.authorWebsite()),
                CommentText.toHtml(comment.body()), comment.createdAt(), depth, pending, comment.staff(),
                !pending && submissions.allowsRepliesAt(depth), replies);
    }

    private static int count(List<CommentView> thread) {
        return thread.stream().mapToInt(comment -> 1 + count(comment.replies())).sum();
    }

    /** Only plain web addresses become links on a commenter's name. */
    private static String safeWebsite(String website) {
        if (website == null) {
            return null;
        }
        String lower = website.strip().toLowerCase();
        return lower.startsWith("https://") || lower.startsWith("http://") ? website.strip() : null;
    }
}
