package com.newsroom.article.internal;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.newsroom.category.CategoryRetiring;
import com.newsroom.tag.TagsMerging;

/**
 * Keeps articles filed when the sections and tags they are filed under change: the category and tag modules
 * announce the change, and only this module writes the article tables. Runs in the announcing transaction.
 */
@Component
class ArticleFiling {

    private final JdbcClient jdbc;

    ArticleFiling(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void on(CategoryRetiring retiring) {
        jdbc.sql("update articles set primary_category_id = :to where primary_category_id = :id")
                .param("to", retiring.movedTo()).param("id", retiring.categoryId()).update();
    }

    @EventListener
    void on(TagsMerging merging) {
        jdbc.sql("""
                insert into article_tags (article_id, tag_id)
                select article_id, :target from article_tags where tag_id = :source
                on conflict do nothing""")
                .param("source", merging.sourceTagId()).param("target", merging.targetTagId()).update();
    }
}
