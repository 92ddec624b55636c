package com.newsroom.demo;

import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.Yaml;

/** One demo article file: YAML front matter between "---" lines, then the Markdown body. */
record DemoArticle(String title, String slug, String category, List<String> authors, List<String> tags, String dek,
        String excerpt, boolean featured, boolean commentsOpen, int publishedHoursAgo, Integer updatedHoursAgo,
        String hero, String heroAlt, String heroCaption, String body) {

    @SuppressWarnings("unchecked")
    static DemoArticle parse(String file, Yaml yaml) {
        String normalized = file.replace("\r\n", "\n");
        if (!normalized.startsWith("---\n")) {
            throw new IllegalArgumentException("Demo article without front matter");
        }
        int end = normalized.indexOf("\n---\n", 4);
        Map<String, Object> front = yaml.load(normalized.substring(4, end));
        String body = normalized.substring(end + 5).strip();
        return new DemoArticle((String) front.get("title"), (String) front.get("slug"), (String) front.get("category"),
                (List<String>) front.get("authors"), (List<String>) front.get("tags"), (String) front.get("dek"),
                (String) front.get("excerpt"), Boolean.TRUE.equals(front.get("featured")),
                !Boolean.FALSE.equals(front.get("commentsOpen")), ((Number) front.get("publishedHoursAgo")).intValue(),
                front.get("updatedHoursAgo") == null ? null : ((Number) front.get("updatedHoursAgo")).intValue(),
                (String) front.get("hero"), (String) front.get("heroAlt"), (String) front.get("heroCaption"), body);
    }
}
