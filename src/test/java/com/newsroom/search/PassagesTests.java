package com.newsroom.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class PassagesTests {

    private static final char S = Snippets.START;

    private static final char E = Snippets.STOP;

    @Test
    void lexemesAreReadFromPostgresqlsQueryTree() {
        assertThat(Passages.lexemes("'digit' <-> 'twin' & 'bank'").numbers()).containsOnlyKeys("digit", "twin", "bank");
        assertThat(Passages.lexemes("'o''neil' & 'bank' & 'bank'").numbers()).containsOnlyKeys("o'neil", "bank");
        assertThat(Passages.lexemes("T").numbers()).isEmpty();
        assertThat(Passages.lexemes(null).numbers()).isEmpty();
    }

    @Test
    void inflectedFormsAndCapitalsMatchTheQuerysStems() {
        Passages.Lexemes lexemes = Passages.lexemes("'market'");

        assertThat(Passages.choose("Markets rallied; marketing followed the market's lead.", lexemes))
                .isEqualTo(S + "Markets" + E + " rallied; " + S + "marketing" + E + " followed the " + S + "market" + E
                        + "'s lead.");
    }

    @Test
    void stemsThatChangeTheirWordsEndingStillMatch() {
        assertThat(Passages.choose("Clear skies over the bay.", Passages.lexemes("'sky'")))
                .isEqualTo("Clear " + S + "skies" + E + " over the bay.");
        assertThat(Passages.choose("A happy ending.", Passages.lexemes("'happi'")))
                .isEqualTo("A " + S + "happy" + E + " ending.");
    }

    @Test
    void withoutAMatchTheOpeningIsShown() {
        String text = words(0, 40);

        assertThat(Passages.choose(text, Passages.lexemes("'petrel'"))).isEqualTo(words(0, Passages.FRAGMENT_WORDS));
        assertThat(Passages.choose("Short and calm.", Passages.lexemes("T"))).isEqualTo("Short and calm.");
    }

    @Test
    void aMatchIsShownWithTheWordsBeforeIt() {
        String text = words(0, 50) + " albatross " + words(50, 100);

        String passage = Passages.choose(text, Passages.lexemes("'albatross'"));

        assertThat(passage).startsWith(words(50 - Passages.LEAD_WORDS, 50) + " " + S + "albatross" + E);
        assertThat(passage.split(" ")).hasSize(Passages.FRAGMENT_WORDS);
    }

    @Test
    void matchesFarApartGiveTwoStretchesInOrderAndTheOneWithMoreOfTheQueryWins() {
        String text = "fraud " + words(0, 40) + " bank fraud " + words(40, 80) + " fraud " + words(80, 120) + " bank";

        String passage = Passages.choose(text, Passages.lexemes("'bank' & 'fraud'"));

        String[] stretches = passage.split(Passages.DELIMITER);
        assertThat(stretches).hasSize(2);
        assertThat(stretches[0]).startsWith(S + "fraud" + E + " w0 ");
        assertThat(stretches[1]).contains(S + "bank" + E + " " + S + "fraud" + E);
        assertThat(passage).doesNotContain("w119");
    }

    @Test
    void aTitleIsKeptWholeWithItsMatchesMarked() {
        assertThat(Passages.markAll("“Turbines” slow, again?", Passages.lexemes("'turbin' & 'slow'")))
                .isEqualTo("“" + S + "Turbines" + E + "” " + S + "slow" + E + ", again?");
        assertThat(Passages.markAll("Nothing here.", Passages.lexemes("'turbin'"))).isEqualTo("Nothing here.");
    }

    @Test
    void markersTypedIntoTheTextNeverFakeAHighlight() {
        assertThat(Passages.choose("a " + S + "fake" + E + " zeppelin", Passages.lexemes("'zeppelin'")))
                .isEqualTo("a  fake  " + S + "zeppelin" + E);
    }

    @Test
    void wordsBeyondLatinAndDigitsAreWords() {
        assertThat(Passages.choose("Zürich's café opened in 2024.", Passages.lexemes("'zürich' & '2024'")))
                .isEqualTo(S + "Zürich" + E + "'s café opened in " + S + "2024" + E + ".");
    }

    private static String words(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> "w" + i).collect(Collectors.joining(" "));
    }
}
