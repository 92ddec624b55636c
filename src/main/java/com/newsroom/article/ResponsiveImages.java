package com.newsroom.article;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Image;
import org.commonmark.node.Node;
import org.commonmark.renderer.html.AttributeProvider;
import org.owasp.html.ElementPolicy;

import com.newsroom.media.Picture;

/**
 * Body images from the media library ({@code ![alt](/media/KEY/large)}) as responsive images: every variant in
 * {@code srcset} with its real width, {@code sizes} from the article column, and the shown variant's
 * {@code width}/{@code height}, so the page does not jump as pictures arrive. Added while rendering; the
 * sanitizer lets these attributes through only in these shapes and only on the site's own {@code /media} images.
 */
final class ResponsiveImages implements AttributeProvider {

    /** The article body's widest column: 42rem at the browser's 16px. */
    private static final int COLUMN_PX = 672;

    private static final String VARIANT = "/media/[0-9a-f]{32}/(?:large|card|thumb) \\d{1,5}w";

    /** The sanitizer's own srcset policy writes the separators as " , ". */
    static final Pattern SRCSET = Pattern.compile(VARIANT + "(?: ?, " + VARIANT + "){0,2}");

    static final Pattern SIZES = Pattern.compile("\\(min-width: \\d{1,5}(?:px|rem)\\) \\d{1,5}(?:px|rem), calc\\(100vw - 2rem\\)");

    private static final List<String> RESPONSIVE = List.of("srcset", "sizes", "width", "height", "loading", "decoding");

    /** Drops the responsive attributes from any image that is not one of the library's. */
    static final ElementPolicy ONLY_FOR_OWN_IMAGES = (name, attrs) -> {
        int src = attrs.indexOf("src");
        boolean own = src >= 0 && src % 2 == 0 && Picture.ADDRESS.matcher(attrs.get(src + 1)).matches();
        if (!own) {
            for (int i = attrs.size() - 2; i >= 0; i -= 2) {
                if (RESPONSIVE.contains(attrs.get(i))) {
                    attrs.remove(i + 1);
                    attrs.remove(i);
                }
            }
        }
        return name;
    };

    private final Map<String, Picture> pictures;

    ResponsiveImages(Map<String, Picture> pictures) {
        this.pictures = pictures;
    }

    /** The library keys of the images in a parsed body. */
    static Set<String> keysIn(Node document) {
        Set<String> keys = new LinkedHashSet<>();
        document.accept(new AbstractVisitor() {
            @Override
            public void visit(Image image) {
                Picture.keyOf(image.getDestination()).ifPresent(keys::add);
                visitChildren(image);
            }
        });
        return keys;
    }

    @Override
    public void setAttributes(Node node, String tagName, Map<String, String> attributes) {
        if (!(node instanceof Image image)) {
            return;
        }
        var matcher = Picture.ADDRESS.matcher(image.getDestination());
        if (!matcher.matches() || !pictures.containsKey(matcher.group(1))) {
            return;
        }
        Picture picture = pictures.get(matcher.group(1));
        Picture.Variant shown = picture.variant(matcher.group(2));
        attributes.put("srcset", picture.srcset());
        attributes.put("sizes", shown.width() >= COLUMN_PX ? "(min-width: 44rem) 42rem, calc(100vw - 2rem)"
                : "(min-width: %dpx) %dpx, calc(100vw - 2rem)".formatted(shown.width() + 32, shown.width()));
        attributes.put("width", String.valueOf(shown.width()));
        attributes.put("height", String.valueOf(shown.height()));
        attributes.put("loading", "lazy");
        attributes.put("decoding", "async");
    }
}
