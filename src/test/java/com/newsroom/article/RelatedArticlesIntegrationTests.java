package com.newsroom.article;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import com.newsroom.category.Category;
import com.newsroom.tag.Tag;
import com.newsroom.testsupport.IntegrationTest;
import com.newsroom.testsupport.SiteClient;
import com.newsroom.testsupport.TestContent;

@IntegrationTest
class RelatedArticlesIntegrationTests {

    @Autowired
    TestContent content;

    @Autowired
    SiteClient site;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RelatedArticles relatedArticles;

    @Autowired
    DataSource dataSource;

    @BeforeEach
    void emptySite() {
        content.reset();
    }

    @Test
    void articlesSharingMoreTagsComeFirstAndNeverTheArticleItselfOrADraft() {
        Category energy = content.category("Energy");
        Category other = content.category("Other");
        Tag solar = content.tag("Solar");
        Tag grid = content.tag("Grid");
        Tag storage = content.tag("Storage");
        Instant now = content.now();
        content.article("Utilities plan a new storage hub").in(energy).tagged(solar, grid, storage).published();
        content.article("Three tags in common").in(other).tagged(solar, grid, storage)
                .publishedAt(now.minus(Duration.ofDays(20)));
        content.article("One tag in common").in(other).tagged(solar).publishedAt(now.minus(Duration.ofDays(1)));
        content.article("Same section, nothing else").in(energy).publishedAt(now.minus(Duration.ofHours(1)));
        content.article("A draft with every tag").in(energy).tagged(solar, grid, storage).draft();

        assertThat(related("/articles/utilities-plan-a-new-storage-hub")).containsExactly("Three tags in common",
                "One tag in common", "Same section, nothing else");
    }

    @Test
    void textSimilarityRanksAStoryOnTheSameSubjectAboveNewerUnrelatedOnes() {
        Category tech = content.category("Tech");
        Instant now = content.now();
        content.article("Chipmakers race to build AI accelerators").in(tech)
                .dek("Demand for accelerators outstrips supply.").published();
        content.article("Unrelated newer story about gardens").in(tech).publishedAt(now.minus(Duration.ofHours(1)));
        content.article("Another unrelated story about recipes").in(tech).publishedAt(now.minus(Duration.ofHours(2)));
        content.article("Accelerator shortage hits chipmakers").in(content.category("Business"))
                .publishedAt(now.minus(Duration.ofDays(40)));

        assertThat(related("/articles/chipmakers-race-to-build-ai-accelerators")).first()
                .isEqualTo("Accelerator shortage hits chipmakers");
    }

    /**
     * At archive scale a word in most titles would pull the newest of the archive into the text match (and cost
     * a ranking of nearly all of it): a word in more than a thousand articles does not count.
     */
    @Test
    void aWordFoundInMuchOfTheArchiveDoesNotMakeStoriesRelated() {
        Category tech = content.category("Tech");
        Category markets = content.category("Markets");
        Instant now = content.now();
        content.article("Market bets on chipmakers racing for accelerators").in(tech).published();
        content.article("Accelerator shortage hits chipmakers").in(markets)
                .publishedAt(now.minus(Duration.ofDays(40)));
        jdbc.sql("""
                insert into articles (title, slug, dek, body_markdown, body_html, excerpt, primary_category_id,
                                      status, published_at, created_at, reading_minutes)
                select 'Market report number ' || g, 'market-report-' || g, 'Prices moved.', 'Prices moved.',
                       '<p>Prices moved.</p>', 'Prices moved.', :category, 'PUBLISHED',
                       cast(:now as timestamptz) - g * interval '1 minute', cast(:now as timestamptz) - g * interval '1 minute', 1
                from generate_series(1, 1100) g""")
                .param("category", markets.getId())
                .param("now", java.sql.Timestamp.from(now))
                .update();
        jdbc.sql("analyze article_search").update();
        // Which words are common is kept for minutes; this context may have read it before the analyze.
        relatedArticles.forgetCommonWords();

        assertThat(related("/articles/market-bets-on-chipmakers-racing-for-accelerators")).first()
                .isEqualTo("Accelerator shortage hits chipmakers");
    }

    @Test
    void anArticleWithdrawnAfterBeingChosenIsNotShown() {
        Tag tag = content.tag("Ports");
        content.article("Port strike ends").tagged(tag).published();
        Article sibling = content.article("Port strike begins").tagged(tag)
                .publishedAt(content.now().minus(Duration.ofDays(1)));
        assertThat(related("/articles/port-strike-ends")).containsExactly("Port strike begins");

        jdbc.sql("update articles set status = 'ARCHIVED' where id = :id").param("id", sibling.getId()).update();

        assertThat(related("/articles/port-strike-ends")).isEmpty();
    }

    /**
     * The choosing statement binds only the article and the common words; its sizes are written into its text. With
     * the sizes bound, PostgreSQL costed a generic plan at nearly twice a custom one on the bench's 100,000 articles
     * and planned every choice anew, which took as long as running it. A database this small does not show that
     * difference (both ways get a generic plan here), so what is checked is what makes the plan keepable: no integer
     * among the prepared statement's parameters, and a generic plan in use. One session makes every choice, so its
     * prepared statement is the one looked at.
     */
    @Test
    void theChoosingStatementBindsNoSizesSoPostgresqlKeepsItsPlan() throws SQLException {
        Tag tag = content.tag("Ports");
        Article article = content.article("Port strike ends").tagged(tag).published();
        content.article("Port strike begins").tagged(tag).publishedAt(content.now().minus(Duration.ofDays(1)));
        try (Connection connection = dataSource.getConnection()) {
            JdbcClient oneSession = JdbcClient.create(new SingleConnectionDataSource(connection, true));
            RelatedArticles choosing = new RelatedArticles(oneSession);
            for (int version = 0; version < 12; version++) {
                // Choices are kept per version of the article: each later version is chosen for again.
                Instant updated = article.getUpdatedAt().plusSeconds(version);
                assertThat(choosing.idsFor(article.getId(), article.getPublishedAt(), updated, 4)).hasSize(1);
            }
            var prepared = oneSession.sql("""
                    select cast(parameter_types as text) as types, generic_plans from pg_prepared_statements
                    where statement like '%common_words%'""")
                    .query((row, number) -> new Prepared(row.getString("types"), row.getLong("generic_plans")))
                    .single();
            assertThat(prepared.types()).contains("bigint").doesNotContain("integer");
            assertThat(prepared.genericPlans()).isPositive();
        }
    }

    private record Prepared(String types, long genericPlans) {
    }

    private List<String> related(String path) {
        var response = site.get(path);
        assertThat(response.status()).isEqualTo(200);
        return response.html().select(".related .card-title").eachText();
    }
}
