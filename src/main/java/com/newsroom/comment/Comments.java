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
     * One page of an article's approved thread: {@code size} top-level comments (an approved reply whose parent is
     * not approved counts as one, as the thread shows it), oldest or newest first, with every approved reply under
     * them; oldest first throughout, the caller orders the top level.
     */
    @Query(nativeQuery = true, value = """
            with recursive roots as (
                select c.id from comments c
                where c.article_id = :articleId and c.status = 'APPROVED'
                  and (c.parent_id is null
                       or not exists (select 1 from comments p where p.id = c.parent_id and p.status = 'APPROVED'))
                order by case when :newestFirst then c.created_at end desc, case when :newestFirst then c.id end desc,
                         c.created_at, c.id
                limit :size offset :offset),
            thread as (
                select c.* from comments c where c.id in (select id from roots)
                union all
                select c.* from comments c join thread t on c.parent_id = t.id where c.status = 'APPROVED')
            select * from thread order by created_at, id""")
    List<Comment> findApprovedThreadPage(long articleId, boolean newestFirst, int size, int offset);

    /** How many top-level comments the approved thread has (see {@link #findApprovedThreadPage}). */
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
