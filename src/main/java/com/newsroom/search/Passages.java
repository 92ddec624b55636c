package com.newsroom.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.tartarus.snowball.ext.EnglishStemmer;

/**
 * The passage a search result shows under its title: up to {@value #MAX_FRAGMENTS} stretches of the article's
 * opening around the words that match the query, each match between {@link Snippets#START} and
 * {@link Snippets#STOP}; or, when none of the query's words is in the opening, the opening itself. Titles are marked
 * the same way, whole.
 * <p>
 * A word matches the way PostgreSQL matched the article: lower-cased and reduced by the Snowball English stemmer
 * (the algorithm of PostgreSQL's {@code english_stem} dictionary) to a lexeme found among the query's lexemes, which
 * PostgreSQL itself parsed ({@code querytree}, so excluded words are not among them). {@code ts_headline} did this
 * in the database before and was half of a search's database time (1.6 of 3.4 ms on the bench database): it parses
 * and stems every word of ten passages. Here only a word that begins with a lexeme's first letter is stemmed.
 * <p>
 * Words are runs of letters and digits. PostgreSQL's parser also reads host names, paths and decimal numbers as
 * single tokens; a query for one of those finds its article but is not highlighted in the passage.
 */
final class Passages {

    static final int MAX_FRAGMENTS = 2;

    /** Words in one stretch of a passage, and in the opening shown when nothing matches. */
    static final int FRAGMENT_WORDS = 28;

    /** Words kept before a stretch's first match, so that it does not begin on the match itself. */
    static final int LEAD_WORDS = 6;

    static final String DELIMITER = " … ";

    /** A lexeme in {@code querytree}'s output: single-quoted, a quote inside doubled. */
    private static final Pattern QUOTED_LEXEME = Pattern.compile("'((?:[^']|'')*)'");

    private Passages() {
    }

    /**
     * @param querytree PostgreSQL's {@code querytree} of the reader's query, such as {@code 'digit' <-> 'twin' &
     *                  'bank'}; {@code T} (nothing to search for) or null give none
     * @return the lexemes the query looks for, read once for all the hits of a search
     */
    static Lexemes lexemes(String querytree) {
        Map<String, Integer> numbers = new HashMap<>();
        if (querytree != null) {
            Matcher quoted = QUOTED_LEXEME.matcher(querytree);
            while (quoted.find()) {
                String lexeme = quoted.group(1).replace("''", "'");
                if (!lexeme.isEmpty()) {
                    numbers.putIfAbsent(lexeme, numbers.size());
                }
            }
        }
        return new Lexemes(numbers,
                numbers.keySet().stream().mapToInt(lexeme -> lexeme.codePointAt(0)).distinct().toArray());
    }

    /**
     * @param text    the opening of the article, as plain text
     * @param lexemes from {@link #lexemes(String)}
     * @return the passage, its matches marked
     */
    static String choose(String text, Lexemes lexemes) {
        Words words = Words.of(text);
        int[] matches = words.match(lexemes);
        List<int[]> fragments = fragments(words.count(), matches, lexemes.numbers().size());
        if (fragments.isEmpty()) {
            return words.render(0, Math.min(words.count(), FRAGMENT_WORDS), matches);
        }
        StringBuilder passage = new StringBuilder();
        for (int[] fragment : fragments) {
            if (passage.length() > 0) {
                passage.append(DELIMITER);
            }
            passage.append(words.render(fragment[0], fragment[1], matches));
        }
        return passage.toString();
    }

    /**
     * @param text    a title
     * @param lexemes from {@link #lexemes(String)}
     * @return the whole text, every word that matches marked
     */
    static String markAll(String text, Lexemes lexemes) {
        Words words = Words.of(text);
        return words.render(0, words.count(), words.match(lexemes), 0, text.length());
    }

    /**
     * The best stretch is the one with the most of the query's different words, then the most matches, then the
     * earliest; a second must not overlap it. They are returned in the order they appear.
     *
     * @param matches for each word, the number of the lexeme it matches, or -1
     */
    private static List<int[]> fragments(int wordCount, int[] matches, int lexemeCount) {
        List<int[]> chosen = new ArrayList<>(MAX_FRAGMENTS);
        while (chosen.size() < MAX_FRAGMENTS) {
            int[] best = null;
            long bestScore = -1;
            for (int word = 0; word < wordCount; word++) {
                if (matches[word] < 0) {
                    continue;
                }
                int start = Math.max(0, Math.min(word - LEAD_WORDS, wordCount - FRAGMENT_WORDS));
                int end = Math.min(wordCount, start + FRAGMENT_WORDS);
                if (overlaps(chosen, start, end)) {
                    continue;
                }
                long score = score(matches, start, end, lexemeCount);
                if (score > bestScore) {
                    best = new int[] { start, end };
                    bestScore = score;
                }
            }
            if (best == null) {
                break;
            }
            chosen.add(best);
        }
        chosen.sort((a, b) -> Integer.compare(a[0], b[0]));
        return chosen;
    }

    private static boolean overlaps(List<int[]> chosen, int start, int end) {
        for (int[] fragment : chosen) {
            if (start < fragment[1] && fragment[0] < end) {
                return true;
            }
        }
        return false;
    }

    private static long score(int[] matches, int start, int end, int lexemeCount) {
        boolean[] seen = new boolean[lexemeCount];
        int distinct = 0;
        int total = 0;
        for (int word = start; word < end; word++) {
            int lexeme = matches[word];
            if (lexeme >= 0) {
                total++;
                if (!seen[lexeme]) {
                    seen[lexeme] = true;
                    distinct++;
                }
            }
        }
        return (long) distinct * Integer.MAX_VALUE + total;
    }

    /**
     * The lexemes a query looks for, each numbered in order of appearance, and the letters they begin with: stems keep
     * their word's first letter (Porter2's exceptions too: skies -> sky, dying -> die), so a word beginning with
     * another letter need not be stemmed.
     */
    record Lexemes(Map<String, Integer> numbers, int[] initials) {

        /** Whether a word beginning with this lower-case letter may stem to one of the lexemes. */
        boolean mayBeginWith(int initial) {
            for (int candidate : initials) {
                if (candidate == initial) {
                    return true;
                }
            }
            return false;
        }

        /** The number of this lexeme, or -1 if the query does not look for it. */
        int numberOf(String stem) {
            return numbers.getOrDefault(stem, -1);
        }
    }

    /** The words of a text: where each begins and ends. */
    private record Words(String text, int[] starts, int[] ends, int count) {

        /** The highlight markers in a text are made spaces first, so that nothing in it can fake a highlight. */
        static Words of(String original) {
            String text = original.replace(Snippets.START, ' ').replace(Snippets.STOP, ' ');
            int[] starts = new int[64];
            int[] ends = new int[64];
            int count = 0;
            int i = 0;
            while (i < text.length()) {
                int codePoint = text.codePointAt(i);
                if (!Character.isLetterOrDigit(codePoint)) {
                    i += Character.charCount(codePoint);
                    continue;
                }
                int start = i;
                while (i < text.length() && Character.isLetterOrDigit(codePoint = text.codePointAt(i))) {
                    i += Character.charCount(codePoint);
                }
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                    ends = Arrays.copyOf(ends, count * 2);
                }
                starts[count] = start;
                ends[count] = i;
                count++;
            }
            return new Words(text, starts, ends, count);
        }

        /** For each word, the number of the lexeme it matches, or -1. */
        int[] match(Lexemes lexemes) {
            int[] matches = new int[count];
            EnglishStemmer stemmer = new EnglishStemmer();
            for (int word = 0; word < count; word++) {
                matches[word] = -1;
                if (lexemes.mayBeginWith(Character.toLowerCase(text.codePointAt(starts[word])))) {
                    stemmer.setCurrent(text.substring(starts[word], ends[word]).toLowerCase(Locale.ROOT));
                    stemmer.stem();
                    matches[word] = lexemes.numberOf(stemmer.getCurrent());
                }
            }
            return matches;
        }

        /** The text from word {@code from} to the end of word {@code to - 1}, its matches marked. */
        String render(int from, int to, int[] matches) {
            return from >= to ? "" : render(from, to, matches, starts[from], endWithPunctuation(to));
        }

        /** The text from {@code begin} to {@code end}, the matches among words {@code from} to {@code to - 1} marked. */
        String render(int from, int to, int[] matches, int begin, int end) {
            StringBuilder out = new StringBuilder(end - begin + 16);
            int copied = begin;
            for (int word = from; word < to; word++) {
                if (matches[word] < 0) {
                    continue;
                }
                out.append(text, copied, starts[word]).append(Snippets.START)
                        .append(text, starts[word], ends[word]).append(Snippets.STOP);
                copied = ends[word];
            }
            return out.append(text, copied, end).toString();
        }

        /** Where word {@code to - 1} ends, with the punctuation right after it (a full stop, a closing quote). */
        private int endWithPunctuation(int to) {
            int limit = to < count ? starts[to] : text.length();
            int end = ends[to - 1];
            while (end < limit && !Character.isWhitespace(text.charAt(end))) {
                end++;
            }
            return end;
        }
    }
}
