package com.newsroom.comment;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface CommentRevisions extends JpaRepository<CommentRevision, Long> {

    List<CommentRevision> findByCommentIdOrderByEditedAtAscIdAsc(long commentId);
}
