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
}
