package com.newsroom.tag;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface Tags extends JpaRepository<Tag, Long> {

    Optional<Tag> findBySlug(String slug);
}
