package com.newsroom.article;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The editor form as typed but not yet saved, kept in the background (one per editor and article, the newest
 * replacing the last) so a crash, a closed tab or an ended session loses nothing. It never touches the article:
 * readers see only what was saved, and no revision is made per keystroke. A save clears it.
 */
@Service
@Transactional
public class DraftAutosaves {

    private static final TypeReference<Map<String, List<String>>> FIELDS = new TypeReference<>() {
    };

    /** Longest form kept: the body's limit and room for every other field. */
    private static final int MAX_CHARACTERS = 220_000;

    private final JdbcClient jdbc;

    private final JsonMapper json;

    private final ArticleEditor editor;

    private final Clock clock;

    DraftAutosaves(JdbcClient jdbc, JsonMapper json, ArticleEditor editor, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.editor = editor;
        this.clock = clock;
    }

    /** The form fields as typed, at the time they were kept. */
    public record Autosave(Map<String, List<String>> fields, Long baseVersion, Instant savedAt) {
    }

    /**
     * Keeps what {@code by} typed into the form of article {@code articleId} (null: a new article). Returns
     * when it was kept, or nothing for a form too large to be an article (not kept).
     */
    public Optional<Instant> keep(Long articleId, Map<String, List<String>> fields, Editor by) {
        if (articleId != null) {
            editor.load(articleId, by);
        }
        // The form as sent, unbound: PostgreSQL's jsonb cannot hold U+0000, which nobody types (see web.NulCharacters).
        Map<String, List<String>> kept = new LinkedHashMap<>();
        fields.forEach((name, values) -> kept.put(name.replace("\u0000", ""), values.stream()
                .map(value -> value == null ? "" : value.replace("\u0000", "")).toList()));
        kept.remove("_csrf");
        kept.remove("action");
        String document = json.writeValueAsString(kept);
        if (document.length() > MAX_CHARACTERS) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        String version = kept.getOrDefault("version", List.of("")).stream().findFirst().orElse("");
        jdbc.sql("""
                insert into article_autosaves (staff_id, article_id, base_version, fields, saved_at)
                values (:staff, :article, :version, cast(:fields as jsonb), :now)
                on conflict (staff_id, coalesce(article_id, 0))
                do update set base_version = excluded.base_version, fields = excluded.fields, saved_at = excluded.saved_at""")
                .param("staff", by.staffId()).param("article", articleId, Types.BIGINT)
                .param("version", version.matches("\\d{1,18}") ? Long.valueOf(version) : null, Types.BIGINT)
                .param("fields", document).param("now", Timestamp.from(now)).update();
        return Optional.of(now);
    }

    /**
     * The unsaved text {@code by} left in article {@code articleId}'s form (null: a new article), when it is
     * newer than the article's last save; an older one is out of date and offered no more.
     */
    @Transactional(readOnly = true)
    public Optional<Autosave> newerThanSaved(Long articleId, Editor by) {
        return jdbc.sql("""
                select s.fields::text as fields, s.base_version, s.saved_at
                from article_autosaves s left join articles a on a.id = s.article_id
                where s.staff_id = :staff and coalesce(s.article_id, 0) = coalesce(:article, 0)
                  and (a.id is null or s.saved_at > a.updated_at)""")
                .param("staff", by.staffId()).param("article", articleId, Types.BIGINT)
                .query((rs, n) -> new Autosave(json.readValue(rs.getString("fields"), FIELDS),
                        rs.getObject("base_version", Long.class), rs.getTimestamp("saved_at").toInstant()))
                .optional();
    }

    /** Forgets what {@code by} had typed in that form: saved, or discarded. */
    public void discard(Long articleId, Editor by) {
        jdbc.sql("delete from article_autosaves where staff_id = :staff and coalesce(article_id, 0) = coalesce(:article, 0)")
                .param("staff", by.staffId()).param("article", articleId, Types.BIGINT).update();
    }
}
