package com.newsroom.site;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

import org.springframework.stereotype.Component;

import com.newsroom.config.NewsroomProperties;

/** Dates as readers see them (in the site's time zone) and as machines read them (ISO 8601). */
@Component("dates")
public class DisplayDates {

    private final DateTimeFormatter date;

    private final DateTimeFormatter dateTime;

    private final DateTimeFormatter time;

    DisplayDates(NewsroomProperties properties) {
        ZoneId zone = properties.site().timeZone();
        this.date = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH).withZone(zone);
        this.dateTime = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm z", Locale.ENGLISH).withZone(zone);
        this.time = DateTimeFormatter.ofPattern("HH:mm z", Locale.ENGLISH).withZone(zone);
    }

    public String date(Instant instant) {
        return instant == null ? "" : date.format(instant);
    }

    public String dateTime(Instant instant) {
        return instant == null ? "" : dateTime.format(instant);
    }

    /** The time of day (today's autosave, say), with the zone. */
    public String time(Instant instant) {
        return instant == null ? "" : time.format(instant);
    }

    public String iso(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }
}
