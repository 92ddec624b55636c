package com.newsroom.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SnippetsTests {

    private static final char S = Snippets.START;

    private static final char E = Snippets.STOP;

    @Test
    void marksMatchesAndEscapesEverythingElse() {
        assertThat(Snippets.toHtml("a " + S + "zeppelin" + E + " & <b>bold</b> \"quoted\""))
                .isEqualTo("a <mark>zeppelin</mark> &amp; &lt;b&gt;bold&lt;/b&gt; &quot;quoted&quot;");
    }

    @Test
    void characterReferencesFromStoredHtmlAreDecodedOnceThenEscaped() {
        assertThat(Snippets.passageToHtml("Tom &amp; Jerry &lt;script&gt; caf&#233;", Passages.lexemes("'tom'")))
                .isEqualTo("<mark>Tom</mark> &amp; Jerry &lt;script&gt; café");
    }

    @Test
    void titlesAreEscapedAroundTheirMarks() {
        assertThat(Snippets.titleToHtml("<Turbines> & co", Passages.lexemes("'turbin'")))
                .isEqualTo("&lt;<mark>Turbines</mark>&gt; &amp; co");
    }

    @Test
    void strayOrUnbalancedMarkersNeverLeaveAnOpenElement() {
        assertThat(Snippets.toHtml(E + "a" + S + S + "b")).isEqualTo("a<mark>b</mark>");
        assertThat(Snippets.toHtml(null)).isEmpty();
    }

    @Test
    void quotedAndHyphenatedQueriesAreTreatedAsPhrases() {
        assertThat(ArticleSearch.isPhrase("\"digital twin\"")).isTrue();
        assertThat(ArticleSearch.isPhrase("cross-border payments")).isTrue();
        assertThat(ArticleSearch.isPhrase("digital -harbour")).isFalse();
        assertThat(ArticleSearch.isPhrase("digital twin")).isFalse();
    }

    @Test
    void onlyQueriesWithAMinusMayExcludeWords() {
        assertThat(ArticleSearch.mayExclude("digital -harbour")).isTrue();
        assertThat(ArticleSearch.mayExclude("-harbour digital")).isTrue();
        // A hyphen joins words rather than excluding one, but telling them apart is PostgreSQL's parser's job.
        assertThat(ArticleSearch.mayExclude("cross-border")).isTrue();
        assertThat(ArticleSearch.mayExclude("\"digital twin\" or harbour")).isFalse();
        assertThat(ArticleSearch.mayExclude("bank fraud")).isFalse();
    }
}
