package com.newsroom.comment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds the threaded list of comments shown under an article. The approved thread, the same for every reader, is
 * built once per thread version (which the database moves with every change to an approved comment, see V42) and
 * kept in memory, bounded by the number of comments held; a new version is simply a different key, so a change is
 * shown by the next render and the old thread ages out.
 */
@Service
@Transactional(readOnly = true)
public class CommentThreads {

    /** About 1 KB each once built: tens of megabytes at most, beside a 256 MB heap. */
    private static final long MAX_COMMENTS_HELD = 20_000;

    private final Comments comments;

    private final JdbcClient jdbc;

    private final Cache<ThreadVersion, List<CommentView>> approvedThreads = Caffeine.newBuilder()
            .maximumWeight(MAX_COMMENTS_HELD)
            .weigher((ThreadVersion key, List<CommentView> thread) -> 1 + count(thread))
            .build();

    private final CommentSubmissions submissions;

    CommentThreads(Comments comments, CommentSubmissions submissions, JdbcClient jdbc) {
        this.comments = comments;
        this.jdbc = jdbc;
        this.submissions = submissions;
    }

    private record ThreadVersion(long articleId, long version) {
    }

    /**
     * Approved comments, plus the reader's own comments still awaiting moderation. The thread version is read
     * first: a change committed after it is read is shown by the next render. (No transaction is needed for
     * that, and with JPA's transaction manager one would open a persistence context on every page.)
     */
    @Transactional(propagation = Propagation.SUPPORTS)
    public List<CommentView> forReader(long articleId, Collection<Long> ownPendingIds) {
        if (ownPendingIds.isEmpty()) {
            long version = jdbc.sql("select coalesce(max(version), 0) from comment_thread_versions where article_id = ?")
                    .param(articleId).query(Long.class).single();
            return approvedThreads.get(new ThreadVersion(articleId, version), key -> thread(
                    comments.findByArticleIdAndStatusOrderByCreatedAtAscIdAsc(articleId, CommentStatus.APPROVED)));
        }
        return thread(comments.findApprovedOrOwnPending(articleId, ownPendingIds));
    }

    private List<CommentView> thread(List<Comment> shown) {
        Map<Long, Comment> byId = new HashMap<>();
        shown.forEach(c -> byId.put(c.getId(), c));
        Map<Long, List<Comment>> children = new HashMap<>();
        List<Comment> roots = new ArrayList<>();
        for (Comment comment : shown) {
            // A reply whose parent is not shown (withdrawn, say) is shown at the top level.
            if (comment.getParentId() != null && byId.containsKey(comment.getParentId())) {
                children.computeIfAbsent(comment.getParentId(), k -> new ArrayList<>()).add(comment);
            }
            else {
                roots.add(comment);
            }
        }
        return roots.stream().map(root -> view(root, children, 0)).toList();
    }

    private CommentView view(Comment comment, Map<Long, List<Comment>> children, int depth) {
        List<CommentView> replies = children.getOrDefault(comment.getId(), List.of()).stream()
                .map(child -> view(child, children, depth + 1))
                .toList();
        boolean pending = comment.getStatus() != CommentStatus.APPROVED;
        return new CommentView(comment.getId(), comment.getAuthorName(), safeWebsite(comment.getAuthorWebsite()),
                CommentText.toHtml(comment.getBody()), comment.getCreatedAt(), depth, pending,
                comment.getStaffId() != null, !pending && submissions.allowsRepliesAt(depth), replies);
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
