package com.newsroom.demo;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

import com.newsroom.article.Article;
import com.newsroom.article.Editor;
import com.newsroom.article.LiveCoverage;
import com.newsroom.author.Author;

/**
 * A live page for the demo, made as editors make one (article.LiveCoverage): the AI testing-rules story followed
 * through the day, five updates by two editors, the summary pinned and one update corrected (its earlier text kept).
 * Only the times are set afterwards, so the updates read as a day's coverage rather than one moment's.
 */
final class DemoLiveCoverage {

    static final String SLUG = "european-lawmakers-agree-testing-rules-for-large-ai-models";

    private final LiveCoverage live;

    private final JdbcClient jdbc;

    private final Clock clock;

    DemoLiveCoverage(LiveCoverage live, JdbcClient jdbc, Clock clock) {
        this.live = live;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void load(Map<String, Author> staff, Map<String, Article> published) {
        Article article = published.get(SLUG);
        if (article == null) {
            return;
        }
        Editor mei = editor(staff.get("mei-lin-zhang"));
        Editor lukas = editor(staff.get("lukas-brenner"));
        long id = article.getId();
        Instant now = clock.instant();
        live.start(id, lukas);
        post(id, lukas, now.minus(Duration.ofMinutes(350)), """
                Negotiators from Parliament and the member states are back in the room in Brussels. The last open \
                question is who tests the largest models, and when.""");
        long summary = post(id, mei, now.minus(Duration.ofMinutes(240)), """
                **What we know so far:** providers of the largest models would have to run adversarial tests before \
                release and report serious incidents within 15 days.""");
        long vote = post(id, lukas, now.minus(Duration.ofMinutes(150)), """
                A committee vote is expected tomorrow morning.""");
        post(id, mei, now.minus(Duration.ofMinutes(60)), """
                Industry groups call the testing duty "workable" but want a longer transition period for open-weight \
                models.""");
        post(id, lukas, now.minus(Duration.ofMinutes(20)), """
                Deal confirmed. The presidency says the text will be published [in the Official Journal] within \
                weeks.

                [in the Official Journal]: https://eur-lex.europa.eu/""");
        live.edit(id, vote, "A committee vote is expected on **Thursday** morning, a day later than planned.", mei);
        live.pin(id, summary, true, lukas);
        jdbc.sql("update live_coverage set started_at = :at where article_id = :id")
                .param("at", Timestamp.from(now.minus(Duration.ofMinutes(360)))).param("id", id).update();
        jdbc.sql("update live_updates set edited_at = :at where id = :id")
                .param("at", Timestamp.from(now.minus(Duration.ofMinutes(100)))).param("id", vote).update();
    }

    private long post(long articleId, Editor by, Instant at, String text) {
        long update = live.post(articleId, text, by);
        jdbc.sql("update live_updates set posted_at = :at where id = :id")
                .param("at", Timestamp.from(at)).param("id", update).update();
        return update;
    }

    private static Editor editor(Author author) {
        return new Editor(author.getId(), author.getDisplayName(), true);
    }
}
