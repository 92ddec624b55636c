package com.newsroom.article;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface Articles extends JpaRepository<Article, Long> {

    Optional<Article> findBySlug(String slug);

    boolean existsBySlug(String slug);

    /** Everything a listing card shows, in one round trip for the whole page. */
    @EntityGraph(attributePaths = {"primaryCategory", "authors"})
    @Query("select a from Article a where a.id in :ids")
    List<Article> findCardsByIdIn(Collection<Long> ids);

    /** Everything the article page shows but its comments and related articles. */
    @EntityGraph(attributePaths = {"primaryCategory", "authors", "tags"})
    @Query("select a from Article a where a.slug = :slug")
    Optional<Article> findPageBySlug(String slug);
}
