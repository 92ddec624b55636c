package com.newsroom.author;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface Authors extends JpaRepository<Author, Long> {

    Optional<Author> findBySlug(String slug);

    boolean existsBySlug(String slug);
}
