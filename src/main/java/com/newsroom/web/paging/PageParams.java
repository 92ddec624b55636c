package com.newsroom.web.paging;

import com.newsroom.web.BadRequestException;

/**
 * Which page of a listing a reader asked for. Links carry a cursor ({@code after} the last item of the
 * previous page, or {@code before} the first item of the next one) so any page costs one index range
 * scan; a bare page number, typed by hand, still works.
 */
public record PageParams(int number, Cursor after, Cursor before) {

    /** Far beyond any real listing; larger numbers are treated as malformed rather than searched for. */
    public static final int MAX_PAGE = 1_000_000;

    public static final PageParams FIRST = new PageParams(1, null, null);

    public PageParams {
        if (number < 1 || number > MAX_PAGE) {
            throw new BadRequestException("Page number out of range");
        }
        if (after != null && before != null) {
            throw new BadRequestException("Conflicting page positions");
        }
    }

    /** Parses the raw query parameters; anything malformed answers 400. */
    public static PageParams of(String page, String after, String before) {
        return new PageParams(parseNumber(page), blankToNull(after), blankToNull(before));
    }

    private static int parseNumber(String page) {
        if (page == null || page.isBlank()) {
            return 1;
        }
        if (!page.matches("\\d{1,7}")) {
            throw new BadRequestException("Malformed page number");
        }
        return Integer.parseInt(page);
    }

    private static Cursor blankToNull(String token) {
        return token == null || token.isBlank() ? null : Cursor.parse(token);
    }

    public boolean isFirst() {
        return number == 1 && after == null && before == null;
    }
}
