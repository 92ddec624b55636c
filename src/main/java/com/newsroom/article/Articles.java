package com.newsroom.article;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface Articles extends JpaRepository<Article, Long> {

    Optional<Article> findBySlug(String slug);

    boolean existsBySlug(String slug);

    /**
     * Scheduled articles due by {@code now}, locked for this transaction; rows another instance holds are
     * skipped, so each is claimed by one instance only.
     */
    @Query(value = """
            select * from articles where status = 'SCHEDULED' and published_at <= :now
            order by published_at, id limit :limit for update skip locked""", nativeQuery = true)
    List<Article> claimDueForPublication(Instant now, int limit);

    /** Published articles whose take-down time has passed, claimed the same way. */
    @Query(value = """
            select * from articles where status = 'PUBLISHED' and unpublish_at <= :now
            order by unpublish_at, id limit :limit for update skip locked""", nativeQuery = true)
    List<Article> claimDueForTakeDown(Instant now, int limit);

    /** Everything the article page shows but its comments and related articles. */
    @EntityGraph(attributePaths = {"primaryCategory", "authors", "tags"})
    @Query("select a from Article a where a.slug = :slug")
    Optional<Article> findPageBySlug(String slug);
}
