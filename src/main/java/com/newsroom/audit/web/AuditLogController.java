package com.newsroom.audit.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import com.newsroom.web.paging.KeysetPage;
import com.newsroom.audit.AuditLog;

/** The audit log, newest first, for administrators: filtered by person, action and dates (in the site's zone). */
@Controller
class AuditLogController {

    private static final int PAGE = 50;

    private final AuditLog audit;

    private final ZoneId zone;

    /** The site's zone, read as a plain property: the audit module stays free of the configuration module. */
    AuditLogController(AuditLog audit, @Value("${newsroom.site.time-zone:UTC}") String zone) {
        this.audit = audit;
        this.zone = ZoneId.of(zone);
    }

    @GetMapping("/admin/audit")
    @PreAuthorize("hasRole('ADMIN')")
    String list(@RequestParam(required = false) Long before, @RequestParam(required = false) Long person,
            @RequestParam(required = false) String action, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to, Model model, HttpServletResponse response) {
        LocalDate fromDay = day(from, "from", model);
        LocalDate toDay = day(to, "to", model);
        if (model.containsAttribute("fromInvalid") || model.containsAttribute("toInvalid")) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
        String kind = action == null || action.isBlank() ? null : action.strip();
        AuditLog.Filter filter = new AuditLog.Filter(person, kind,
                fromDay == null ? null : fromDay.atStartOfDay(zone).toInstant(),
                // "To" a day includes that whole day.
                toDay == null ? null : toDay.plusDays(1).atStartOfDay(zone).toInstant());
        List<AuditLog.Entry> entries = audit.recent(filter, before, PAGE + 1);
        boolean more = entries.size() > PAGE;
        model.addAttribute("entries", more ? entries.subList(0, PAGE) : entries);
        model.addAttribute("people", audit.people());
        model.addAttribute("actions", audit.actions());
        model.addAttribute("person", person);
        model.addAttribute("action", kind);
        model.addAttribute("from", from == null ? "" : from);
        model.addAttribute("to", to == null ? "" : to);
        model.addAttribute("filtered", person != null || kind != null || fromDay != null || toDay != null);
        model.addAttribute("next", more ? UriComponentsBuilder.fromPath("/admin/audit")
                .queryParamIfPresent("person", java.util.Optional.ofNullable(person))
                .queryParamIfPresent("action", java.util.Optional.ofNullable(kind))
                .queryParamIfPresent("from", java.util.Optional.ofNullable(fromDay))
                .queryParamIfPresent("to", java.util.Optional.ofNullable(toDay))
                .queryParam("before", entries.get(PAGE - 1).id())
                .build().encode().toUriString() : null);
        return "admin/audit";
    }

    /** A typed day; one that is not a date is named beside its field and does not narrow the list. */
    private static LocalDate day(String value, String field, Model model) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        }
        catch (DateTimeParseException ex) {
            model.addAttribute(field + "Invalid", true);
            return null;
        }
    }
}
