package com.newsroom.article.web;

import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.newsroom.article.ArticleInput;
import com.newsroom.article.ArticleStatus;
import com.newsroom.article.EditableArticle;
import com.newsroom.web.KeptSubmission;

/** The article editor form as submitted; validated, then turned into {@link ArticleInput}. Never an entity. */
record ArticleForm(
        @NotBlank(message = "{admin.article.titleRequired}") @Size(max = 300, message = "{admin.article.titleTooLong}") String title,
        @Size(max = 120, message = "{admin.article.slugTooLong}")
        @Pattern(regexp = "^$|^[a-z0-9]+(-[a-z0-9]+)*$", message = "{admin.article.slugInvalid}") String slug,
        @Size(max = 500, message = "{admin.article.dekTooLong}") String dek,
        @Size(max = 200000, message = "{admin.article.bodyTooLong}") String bodyMarkdown,
        @Size(max = 600, message = "{admin.article.excerptTooLong}") String excerpt,
        @Size(max = 1000, message = "{admin.article.heroUrlInvalid}")
        @Pattern(regexp = "^$|^(https?://|/)\\S+$", message = "{admin.article.heroUrlInvalid}") String heroImageUrl,
        @Size(max = 300, message = "{admin.article.heroAltTooLong}") String heroImageAlt,
        @Size(max = 500, message = "{admin.article.heroCaptionTooLong}") String heroImageCaption,
        @NotBlank(message = "{admin.article.categoryRequired}")
        @Pattern(regexp = "^\\d{1,18}$", message = "{admin.article.categoryRequired}") String categoryId,
        @Size(max = 1000, message = "{admin.article.tagsTooLong}") String tags,
        List<String> authorIds,
        Boolean featured,
        Boolean commentsOpen,
        @Pattern(regexp = "^\\d{0,18}$", message = "{admin.article.versionInvalid}") String version,
        String scheduleAt,
        String heroMediaId,
        @Size(max = 160, message = "{editor.share.descriptionTooLong}") String metaDescription,
        @Size(max = 1000, message = "{admin.article.heroUrlInvalid}")
        @Pattern(regexp = "^$|^(https?://|/)\\S+$", message = "{admin.article.heroUrlInvalid}") String socialImageUrl,
        @Size(max = 300, message = "{admin.article.heroAltTooLong}") String socialImageAlt,
        String socialMediaId) {

    static ArticleForm blank(Long defaultCategory, Long selfStaffId) {
        return new ArticleForm("", "", "", "", "", "", "", "", defaultCategory == null ? "" : defaultCategory.toString(),
                "", selfStaffId == null ? List.of() : List.of(selfStaffId.toString()), false, true, "", "", "", "", "", "", "");
    }

    /**
     * The form as it was sent (field name to values): kept when the session had ended (see {@link KeptSubmission}),
     * or autosaved while typing. Shown again as typed, to be checked and saved.
     */
    static ArticleForm from(Map<String, List<String>> fields) {
        Function<String, String> first = name -> fields.getOrDefault(name, List.of()).stream().findFirst()
                .map(value -> value == null ? "" : value).orElse("");
        return new ArticleForm(first.apply("title"), first.apply("slug"), first.apply("dek"),
                first.apply("bodyMarkdown"), first.apply("excerpt"), first.apply("heroImageUrl"),
                first.apply("heroImageAlt"), first.apply("heroImageCaption"), first.apply("categoryId"),
                first.apply("tags"), fields.getOrDefault("authorIds", List.of()), "true".equals(first.apply("featured")),
                "true".equals(first.apply("commentsOpen")), first.apply("version"), first.apply("scheduleAt"),
                first.apply("heroMediaId"), first.apply("metaDescription"), first.apply("socialImageUrl"),
                first.apply("socialImageAlt"), first.apply("socialMediaId"));
    }

    /** The saved article; a scheduled one shows its publication time (in the site's zone) in "Publish at". */
    static ArticleForm of(EditableArticle article, ZoneId zone) {
        ArticleInput c = article.content();
        return new ArticleForm(c.title(), c.slug(), c.dek(), c.bodyMarkdown(), c.excerpt(), nz(c.heroImageUrl()),
                nz(c.heroImageAlt()), nz(c.heroImageCaption()), String.valueOf(c.categoryId()),
                String.join(", ", c.tagNames()), c.authorIds().stream().map(String::valueOf).toList(), c.featured(),
                c.commentsOpen(), String.valueOf(article.version()), scheduledAt(article, zone), "",
                nz(c.metaDescription()), nz(c.socialImageUrl()), nz(c.socialImageAlt()), "");
    }

    private static String scheduledAt(EditableArticle article, ZoneId zone) {
        if (article.status() != ArticleStatus.SCHEDULED || article.publishedAt() == null) {
            return "";
        }
        return article.publishedAt().atZone(zone).toLocalDateTime().truncatedTo(ChronoUnit.MINUTES).toString();
    }

    ArticleInput toInput() {
        List<String> tagNames = tags == null ? List.of()
                : Arrays.stream(tags.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
        return new ArticleInput(title, slug, nz(dek), nz(bodyMarkdown), nz(excerpt), heroImageUrl, heroImageAlt,
                heroImageCaption, Long.parseLong(categoryId), tagNames, authorIdList(),
                Boolean.TRUE.equals(featured), Boolean.TRUE.equals(commentsOpen), nz(metaDescription).strip(),
                socialImageUrl, socialImageAlt);
    }

    /** Authors come from a select list; anything that is not an id is ignored. */
    List<Long> authorIdList() {
        return authorIds == null ? List.of()
                : authorIds.stream().filter(id -> id != null && id.matches("\\d{1,18}")).map(Long::valueOf)
                        .distinct().toList();
    }

    /**
     * The byline picker's lines: the chosen authors in byline order, then empty lines to add more (at least
     * {@value #MIN_BYLINE_LINES} lines, always one empty).
     */
    List<String> bylineSlots() {
        List<String> slots = new java.util.ArrayList<>(authorIdList().stream().map(String::valueOf).toList());
        do {
            slots.add("");
        }
        while (slots.size() < MIN_BYLINE_LINES);
        return slots;
    }

    private static final int MIN_BYLINE_LINES = 3;

    /** The same text, to be saved over version {@code version} (the latest, once the editor has seen it). */
    ArticleForm withVersion(long version) {
        return new ArticleForm(title, slug, dek, bodyMarkdown, excerpt, heroImageUrl, heroImageAlt, heroImageCaption,
                categoryId, tags, authorIds, featured, commentsOpen, String.valueOf(version), scheduleAt, heroMediaId,
                metaDescription, socialImageUrl, socialImageAlt, socialMediaId);
    }

    /** Whether the words are the same (what an autosave is worth offering for). */
    boolean sameTextAs(ArticleForm other) {
        return nz(title).equals(nz(other.title)) && nz(dek).equals(nz(other.dek))
                && nz(bodyMarkdown).equals(nz(other.bodyMarkdown)) && nz(excerpt).equals(nz(other.excerpt))
                && nz(metaDescription).equals(nz(other.metaDescription));
    }

    /** The version the editor loaded, or null when the form did not carry one. */
    Long loadedVersion() {
        return version == null || version.isBlank() ? null : Long.valueOf(version);
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
