package com.newsroom.article;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.Patch;

/**
 * A word-by-word comparison of two texts, for revisions and for two saves of the same article: which words were
 * removed and which added, with the unchanged text between them. java-diff-utils (Myers' algorithm) aligns the
 * words, each with the spaces and line breaks before it, so the text keeps its shape.
 */
public final class TextDiff {

    public enum Kind { SAME, ADDED, REMOVED }

    /** A run of text that is the same in both, only in the newer, or only in the older. */
    public record Part(Kind kind, String text) {
    }

    /**
     * A word with the spaces or line breaks before it (so a changed word is marked without the space around it
     * being counted as kept), or the spaces at the very end.
     */
    private static final Pattern TOKEN = Pattern.compile("\\s*\\S+|\\s+");

    private TextDiff() {
    }

    public static List<Part> words(String before, String after) {
        List<String> a = tokens(before);
        List<String> b = tokens(after);
        Patch<String> patch = DiffUtils.diff(a, b);
        List<Part> parts = new ArrayList<>();
        int at = 0;
        for (AbstractDelta<String> delta : patch.getDeltas()) {
            add(parts, Kind.SAME, a.subList(at, delta.getSource().getPosition()));
            add(parts, Kind.REMOVED, delta.getSource().getLines());
            add(parts, Kind.ADDED, delta.getTarget().getLines());
            at = delta.getSource().getPosition() + delta.getSource().size();
        }
        add(parts, Kind.SAME, a.subList(at, a.size()));
        return parts;
    }

    /** Whether anything differs at all. */
    public static boolean changed(List<Part> parts) {
        return parts.stream().anyMatch(part -> part.kind() != Kind.SAME);
    }

    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(text == null ? "" : text);
        while (matcher.find()) {
            tokens.add(matcher.group());
        }
        return tokens;
    }

    /** Joins the tokens into one part, merged with the previous part of the same kind. */
    private static void add(List<Part> parts, Kind kind, List<String> tokens) {
        if (tokens.isEmpty()) {
            return;
        }
        String text = String.join("", tokens);
        int last = parts.size() - 1;
        if (last >= 0 && parts.get(last).kind() == kind) {
            parts.set(last, new Part(kind, parts.get(last).text() + text));
        }
        else {
            parts.add(new Part(kind, text));
        }
    }
}
