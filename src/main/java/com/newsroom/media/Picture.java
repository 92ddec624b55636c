package com.newsroom.media;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One of the library's images as a page shows it: its variants' real sizes (a variant is never wider than the
 * original), so a page can offer them all in {@code srcset} and reserve the space with {@code width}/{@code height}.
 */
public record Picture(String key, List<Variant> variants) {

    /** The site's own image addresses, and only those: {@code /media/KEY/variant}. */
    public static final Pattern ADDRESS = Pattern.compile("^/media/([0-9a-f]{32})/(large|card|thumb)$");

    /** A stored variant and its pixel size. */
    public record Variant(String name, int width, int height) {
    }

    public Picture {
        variants = variants.stream().sorted(Comparator.comparingInt(Variant::width)).toList();
    }

    /** The key of a library image's address, or empty for any other address (another site's, a static file). */
    public static Optional<String> keyOf(String url) {
        if (url == null) {
            return Optional.empty();
        }
        Matcher matcher = ADDRESS.matcher(url);
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /**
     * A column for a query that lists pages or cards: the variants ({@code "name width height"}) of the library
     * image at the address in {@code urlColumn}, empty for any other address. Read back with {@link #of}, so a
     * page of cards learns its pictures' sizes in the statement that reads the cards.
     */
    public static String variantsColumn(String urlColumn) {
        return """
                array(select v.variant || ' ' || v.width || ' ' || v.height from media m
                      join media_variants v on v.media_id = m.id
                      where m.public_key = substring(%s from '^/media/([0-9a-f]{32})/(?:large|card|thumb)$'))"""
                .formatted(urlColumn);
    }

    /** The picture at {@code url} from a {@link #variantsColumn} value; null when the address is not the library's. */
    public static Picture of(String url, String[] variants) {
        Optional<String> key = keyOf(url);
        if (key.isEmpty() || variants == null || variants.length == 0) {
            return null;
        }
        List<Variant> list = java.util.Arrays.stream(variants).map(row -> row.split(" "))
                .map(parts -> new Variant(parts[0], Integer.parseInt(parts[1]), Integer.parseInt(parts[2]))).toList();
        return new Picture(key.get(), list);
    }

    public String src(String variant) {
        return "/media/" + key + "/" + variant;
    }

    /** Every variant with its real width, smallest first; two of the same width are offered once. */
    public String srcset() {
        return variants.stream().collect(Collectors.toMap(Variant::width, v -> src(v.name()) + " " + v.width() + "w",
                (first, second) -> first, java.util.TreeMap::new)).values().stream().collect(Collectors.joining(", "));
    }

    /** The named variant, or the largest there is. */
    public Variant variant(String name) {
        return variants.stream().filter(v -> v.name().equals(name)).findFirst()
                .orElse(variants.get(variants.size() - 1));
    }

    public int width(String variant) {
        return variant(variant).width();
    }

    public int height(String variant) {
        return variant(variant).height();
    }
}
