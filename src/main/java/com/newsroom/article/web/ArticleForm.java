package com.newsroom.article.web;

import java.util.Arrays;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.newsroom.article.ArticleInput;
import com.newsroom.article.EditableArticle;

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
        String heroMediaId) {

    static ArticleForm blank(Long defaultCategory, Long selfStaffId) {
        return new ArticleForm("", "", "", "", "", "", "", "", defaultCategory == null ? "" : defaultCategory.toString(),
                "", selfStaffId == null ? List.of() : List.of(selfStaffId.toString()), false, true, "", "", "");
    }

    static ArticleForm of(EditableArticle article) {
        ArticleInput c = article.content();
        return new ArticleForm(c.title(), c.slug(), c.dek(), c.bodyMarkdown(), c.excerpt(), nz(c.heroImageUrl()),
                nz(c.heroImageAlt()), nz(c.heroImageCaption()), String.valueOf(c.categoryId()),
                String.join(", ", c.tagNames()), c.authorIds().stream().map(String::valueOf).toList(), c.featured(),
                c.commentsOpen(), String.valueOf(article.version()), "", "");
    }

    ArticleInput toInput() {
        List<String> tagNames = tags == null ? List.of()
                : Arrays.stream(tags.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
        return new ArticleInput(title, slug, nz(dek), nz(bodyMarkdown), nz(excerpt), heroImageUrl, heroImageAlt,
                heroImageCaption, Long.parseLong(categoryId), tagNames, authorIdList(),
                Boolean.TRUE.equals(featured), Boolean.TRUE.equals(commentsOpen));
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

    /** The version the editor loaded, or null when the form did not carry one. */
    Long loadedVersion() {
        return version == null || version.isBlank() ? null : Long.valueOf(version);
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
