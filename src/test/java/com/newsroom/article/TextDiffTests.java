package com.newsroom.article;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.newsroom.article.TextDiff.Kind;
import com.newsroom.article.TextDiff.Part;

class TextDiffTests {

    @Test
    void marksOnlyTheWordsThatChangedInALine() {
        String before = "The council voted on Monday.";
        String after = "The council voted late on Tuesday.";

        var parts = TextDiff.words(before, after);

        assertThat(parts.get(0)).isEqualTo(new Part(Kind.SAME, "The council voted"));
        assertThat(parts).filteredOn(part -> part.kind() == Kind.REMOVED).extracting(part -> part.text().strip())
                .containsExactly("Monday.");
        assertThat(parts).filteredOn(part -> part.kind() == Kind.ADDED).extracting(part -> part.text().strip())
                .containsExactly("late", "Tuesday.");
        assertThat(text(parts, Kind.ADDED)).as("the newer text, whole").isEqualTo(after);
        assertThat(text(parts, Kind.REMOVED)).as("the older text, whole").isEqualTo(before);
    }

    private static String text(java.util.List<Part> parts, Kind side) {
        StringBuilder text = new StringBuilder();
        parts.stream().filter(part -> part.kind() == Kind.SAME || part.kind() == side)
                .forEach(part -> text.append(part.text()));
        return text.toString();
    }

    @Test
    void keepsLineBreaksSoTheTextKeepsItsShape() {
        var parts = TextDiff.words("One.\n\nTwo.", "One.\n\nTwo.\n\nThree.");

        assertThat(parts).containsExactly(new Part(Kind.SAME, "One.\n\nTwo."), new Part(Kind.ADDED, "\n\nThree."));
        assertThat(TextDiff.changed(parts)).isTrue();
    }

    @Test
    void sameTextIsOnePartAndNoChange() {
        var parts = TextDiff.words("Nothing moved here.", "Nothing moved here.");

        assertThat(parts).containsExactly(new Part(Kind.SAME, "Nothing moved here."));
        assertThat(TextDiff.changed(parts)).isFalse();
        assertThat(TextDiff.words(null, "")).isEmpty();
    }
}
