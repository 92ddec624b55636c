package com.newsroom.comment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Builds the threaded list of approved comments shown under an article. */
@Service
@Transactional(readOnly = true)
public class CommentThreads {

    /** Replies deeper than this are shown at this depth, so narrow screens stay readable. */
    static final int MAX_DISPLAY_DEPTH = 4;

    private final Comments comments;

    CommentThreads(Comments comments) {
        this.comments = comments;
    }

    public List<CommentView> approvedFor(long articleId) {
        List<Comment> approved = comments.findByArticleIdAndStatusOrderByCreatedAtAscIdAsc(articleId,
                CommentStatus.APPROVED);
        Map<Long, List<Comment>> children = new HashMap<>();
        List<Comment> roots = new ArrayList<>();
        Map<Long, Comment> byId = new HashMap<>();
        approved.forEach(c -> byId.put(c.getId(), c));
        for (Comment comment : approved) {
            // A reply whose parent is not shown (still pending, say) is shown at the top level.
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
                .map(child -> view(child, children, Math.min(depth + 1, MAX_DISPLAY_DEPTH)))
                .toList();
        return new CommentView(comment.getId(), comment.getAuthorName(), safeWebsite(comment.getAuthorWebsite()),
                CommentText.toHtml(comment.getBody()), comment.getCreatedAt(), depth, replies);
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
