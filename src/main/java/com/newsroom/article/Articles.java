package com.newsroom.article;

import java.util.Optional;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface Articles extends JpaRepository<Article, Long> {

    Optional<Article> findBySlug(String slug);

    boolean existsBySlug(String slug);

    /** Everything the article page shows but its comments and related articles. */
    @EntityGraph(attributePaths = {"primaryCategory", "authors", "tags"})
    @Query("select a from Article a where a.slug = :slug")
    Optional<Article> findPageBySlug(String slug);
}
