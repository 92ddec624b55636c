package com.newsroom.web.paging;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.newsroom.web.BadRequestException;

/**
 * A position in a newest-first listing: the sort key (a timestamp, to the microsecond PostgreSQL keeps)
 * and the row id that breaks ties. Encoded in URLs as {@code <epoch microseconds>-<id>}.
 */
public record Cursor(Instant at, long id) {

    private static final Pattern FORMAT = Pattern.compile("(-?\\d{1,17})-(\\d{1,18})");

    public Cursor {
        at = at.truncatedTo(ChronoUnit.MICROS);
    }

    public static Cursor parse(String token) {
        Matcher matcher = FORMAT.matcher(token);
        if (!matcher.matches()) {
            throw new BadRequestException("Malformed page position");
        }
        long micros = Long.parseLong(matcher.group(1));
        long id = Long.parseLong(matcher.group(2));
        return new Cursor(Instant.EPOCH.plus(micros, ChronoUnit.MICROS), id);
    }

    public String token() {
        return ChronoUnit.MICROS.between(Instant.EPOCH, at) + "-" + id;
    }
}
