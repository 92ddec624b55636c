package com.newsroom.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.data.jpa.test.autoconfigure.DataJpaTest;
import org.springframework.boot.jdbc.test.autoconfigure.AutoConfigureTestDatabase;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.newsroom.author.Author;
import com.newsroom.author.Authors;
import com.newsroom.category.Categories;
import com.newsroom.category.Category;
import com.newsroom.comment.Comment;
import com.newsroom.comment.Comments;
import com.newsroom.tag.Tag;
import com.newsroom.tag.Tags;
import com.newsroom.testsupport.TestDatabaseConfiguration;

import jakarta.persistence.EntityManager;

/** The content model's constraints and triggers, on real PostgreSQL. */
@DataJpaTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
@Import(TestDatabaseConfiguration.class)
class ContentModelRepositoryTests {

    @Autowired
    Articles articles;

    @Autowired
    Categories categories;

    @Autowired
    Tags tags;

    @Autowired
    Authors authors;

    @Autowired
    Comments comments;

    @Autowired
    EntityManager entityManager;

    @Autowired
    JdbcClient jdbc;

    private final Instant now = Instant.parse("2026-11-25T12:00:00Z");

    @Test
    void tagAndAuthorListingDatesFollowPublication() {
        Article article = draftWithTagAndAuthor("listing-dates");
        assertThat(listedAt("article_tags", article)).isNull();
        assertThat(listedAt("article_authors", article)).isNull();

        article.publish(now, Editor.SYSTEM, now);
        entityManager.flush();
        assertThat(listedAt("article_tags", article)).isEqualTo(now);
        assertThat(listedAt("article_authors", article)).isEqualTo(now);

        jdbc.sql("update articles set status = 'ARCHIVED' where id = ?").param(article.getId()).update();
        assertThat(listedAt("article_tags", article)).isNull();
    }

    @Test
    void tagsAddedToAPublishedArticleAreListedAtOnce() {
        Article article = draftWithTagAndAuthor("late-tag");
        article.publish(now, Editor.SYSTEM, now);
        entityManager.flush();
        Tag late = tags.save(new Tag("Late", "late", null));
        article.fileUnder(article.getPrimaryCategory(), Set.of(late), article.getAuthors());
        entityManager.flush();
        assertThat(listedAt("article_tags", article)).isEqualTo(now);
    }

    @Test
    void approvedCommentsAreCountedOnTheArticle() {
        Article article = draftWithTagAndAuthor("counted");
        Comment approved = new Comment(article.getId(), null, "Ada", "ada@example.com", null, "Hello", now);
        approved.approve();
        comments.save(approved);
        comments.save(new Comment(article.getId(), null, "Bo", "bo@example.com", null, "Pending", now));
        entityManager.flush();
        assertThat(commentCount(article)).isEqualTo(1);

        jdbc.sql("update comments set status = 'SPAM' where id = ?").param(approved.getId()).update();
        assertThat(commentCount(article)).isZero();
        jdbc.sql("update comments set status = 'APPROVED'").update();
        assertThat(commentCount(article)).isEqualTo(2);
        jdbc.sql("delete from comments where id = ?").param(approved.getId()).update();
        assertThat(commentCount(article)).isEqualTo(1);
    }

    @Test
    void slugsMustBeUniqueAndWellFormed() {
        draftWithTagAndAuthor("taken");
        Category category = categories.findBySlug("cat-taken").orElseThrow();
        assertThatThrownBy(() -> articles.saveAndFlush(new Article("Again", "taken", category, now)))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void malformedSlugsAreRefusedByTheDatabase() {
        Category category = categories.save(new Category("Cat bad", "cat-bad", "", 1));
        assertThatThrownBy(() -> articles.saveAndFlush(new Article("Bad", "Not A Slug", category, now)))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    @Test
    void publishedArticlesNeedAPublicationDate() {
        Article article = draftWithTagAndAuthor("dated");
        assertThatThrownBy(() -> jdbc.sql("update articles set status = 'PUBLISHED' where id = ?")
                .param(article.getId()).update()).isInstanceOf(DataIntegrityViolationException.class);
    }

    private Article draftWithTagAndAuthor(String slug) {
        Category category = categories.save(new Category("Cat " + slug, "cat-" + slug, "", 1));
        Tag tag = tags.save(new Tag("Tag " + slug, "tag-" + slug, null));
        Author author = authors.save(new Author("Author " + slug, "author-" + slug, ""));
        Article article = new Article("Title " + slug, slug, category, now);
        article.fileUnder(category, Set.of(tag), List.of(author));
        articles.save(article);
        entityManager.flush();
        return article;
    }

    private Instant listedAt(String table, Article article) {
        return jdbc.sql("select max(listed_at) as listed from " + table + " where article_id = ?")
                .param(article.getId())
                .query((rs, row) -> {
                    Timestamp listed = rs.getTimestamp("listed");
                    return listed == null ? null : listed.toInstant();
                })
                .list().get(0);
    }

    private int commentCount(Article article) {
        return jdbc.sql("select comment_count from articles where id = ?").param(article.getId())
                .query(Integer.class).single();
    }
}
