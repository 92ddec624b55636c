package com.newsroom.comment;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface Comments extends JpaRepository<Comment, Long> {

    List<Comment> findByArticleIdAndStatusOrderByCreatedAtAscIdAsc(long articleId, CommentStatus status);
}
