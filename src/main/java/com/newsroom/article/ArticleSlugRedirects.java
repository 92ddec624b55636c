package com.newsroom.article;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ArticleSlugRedirects extends JpaRepository<ArticleSlugRedirect, String> {

    Optional<ArticleSlugRedirect> findByOldSlug(String oldSlug);

    void deleteByOldSlug(String oldSlug);
}
