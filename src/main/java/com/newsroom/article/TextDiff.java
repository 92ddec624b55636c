package com.newsroom.article;

import java.util.ArrayList;
import java.util.List;

/** A line-by-line comparison of two texts (longest common subsequence), for comparing revisions. */
public final class TextDiff {

    public enum Kind { SAME, ADDED, REMOVED }

    public record Line(Kind kind, String text) {
    }

    private TextDiff() {
    }

    public static List<Line> lines(String before, String after) {
        String[] a = (before == null ? "" : before).split("\n", -1);
        String[] b = (after == null ? "" : after).split("\n", -1);
        if ((long) a.length * b.length > 4_000_000L) {
            // Too large to align line by line: show the old text removed and the new text added.
            List<Line> all = new ArrayList<>();
            for (String line : a) {
                all.add(new Line(Kind.REMOVED, line));
            }
            for (String line : b) {
                all.add(new Line(Kind.ADDED, line));
            }
            return all;
        }
        int[][] common = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                common[i][j] = a[i].equals(b[j]) ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        List<Line> result = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i].equals(b[j])) {
                result.add(new Line(Kind.SAME, a[i++]));
                j++;
            }
            else if (common[i + 1][j] >= common[i][j + 1]) {
                result.add(new Line(Kind.REMOVED, a[i++]));
            }
            else {
                result.add(new Line(Kind.ADDED, b[j++]));
            }
        }
        while (i < a.length) {
            result.add(new Line(Kind.REMOVED, a[i++]));
        }
        while (j < b.length) {
            result.add(new Line(Kind.ADDED, b[j++]));
        }
        return result;
    }
}
