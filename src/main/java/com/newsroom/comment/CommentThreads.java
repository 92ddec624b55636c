package com.newsroom.comment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Builds the threaded list of comments shown under an article. */
@Service
@Transactional(readOnly = true)
public class CommentThreads {

    private final Comments comments;

    private final CommentSubmissions submissions;

    CommentThreads(Comments comments, CommentSubmissions submissions) {
        this.comments = comments;
        this.submissions = submissions;
    }

    public List<CommentView> approvedFor(long articleId) {
        return forReader(articleId, List.of());
    }

    /** Approved comments, plus the reader's own comments still awaiting moderation. */
    public List<CommentView> forReader(long articleId, Collection<Long> ownPendingIds) {
        List<Comment> shown = ownPendingIds.isEmpty()
                ? comments.findByArticleIdAndStatusOrderByCreatedAtAscIdAsc(articleId, CommentStatus.APPROVED)
                : comments.findApprovedOrOwnPending(articleId, ownPendingIds);
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

    /** Only plain web addresses become links on a commenter's name. */
    private static String safeWebsite(String website) {
        if (website == null) {
            return null;
        }
        String lower = website.strip().toLowerCase();
        return lower.startsWith("https://") || lower.startsWith("http://") ? website.strip() : null;
    }
}
