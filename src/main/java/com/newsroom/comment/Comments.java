package com.newsroom.comment;

import java.util.Collection;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface Comments extends JpaRepository<Comment, Long> {

    List<Comment> findByArticleIdAndStatusOrderByCreatedAtAscIdAsc(long articleId, CommentStatus status);

    @Query("""
            select c from Comment c
            where c.articleId = :articleId
              and (c.status = com.newsroom.comment.CommentStatus.APPROVED
                   or (c.status = com.newsroom.comment.CommentStatus.PENDING and c.id in :ownIds))
            order by c.createdAt, c.id""")
    List<Comment> findApprovedOrOwnPending(long articleId, Collection<Long> ownIds);

    /**
     * How many top-level comments the approved thread has: an approved reply whose parent is not approved counts as
     * one, as the thread shows it (see {@link ThreadComments}).
     */
    @Query(nativeQuery = true, value = """
            select count(*) from comments c
            where c.article_id = :articleId and c.status = 'APPROVED'
              and (c.parent_id is null
                   or not exists (select 1 from comments p where p.id = c.parent_id and p.status = 'APPROVED'))""")
    long countApprovedTopLevel(long articleId);

    /** Where a top-level comment comes in its thread, oldest first (0 for the first). */
    @Query(nativeQuery = true, value = """
            select count(*) from comments c, comments target
            where target.id = :commentId and c.article_id = target.article_id and c.status = 'APPROVED'
              and (c.parent_id is null
                   or not exists (select 1 from comments p where p.id = c.parent_id and p.status = 'APPROVED'))
              and (c.created_at, c.id) < (target.created_at, target.id)""")
    long countApprovedTopLevelBefore(long commentId);
}
