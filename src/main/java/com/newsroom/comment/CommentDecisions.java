package com.newsroom.comment;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface CommentDecisions extends JpaRepository<CommentDecision, Long> {

    List<CommentDecision> findByCommentIdOrderByDecidedAtAscIdAsc(long commentId);
}
