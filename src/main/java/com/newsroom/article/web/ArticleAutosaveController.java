package com.newsroom.article.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.newsroom.account.StaffUser;
import com.newsroom.article.ArticleEditLocks;
import com.newsroom.article.ArticleEditor;
import com.newsroom.article.DraftAutosaves;
import com.newsroom.config.NewsroomProperties;

/**
 * What the editor's script sends while someone types: the form is kept as an autosave (never the article
 * itself) and the body comes back rendered for the live preview, with its word count and reading time. Sent
 * as a plain form (no script asks for JSON), it keeps the text the same way and goes back to the editor.
 */
@Controller
@RequestMapping("/admin/articles")
class ArticleAutosaveController {

    private final DraftAutosaves autosaves;

    private final ArticleEditor editor;

    private final DateTimeFormatter time;

    private final ArticleEditLocks locks;

    ArticleAutosaveController(DraftAutosaves autosaves, ArticleEditor editor, ArticleEditLocks locks,
            NewsroomProperties properties) {
        this.autosaves = autosaves;
        this.locks = locks;
        this.editor = editor;
        ZoneId zone = properties.site().timeZone();
        this.time = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH).withZone(zone);
    }

    /** The answer to the script: when the text was kept, and the body as the live preview shows it. */
    record Kept(String savedAt, String html, long words, int minutes, String lockedBy) {
    }

    @PostMapping("/new/autosave")
    ResponseEntity<?> keepNew(@AuthenticationPrincipal StaffUser me, @RequestParam MultiValueMap<String, String> fields,
            @RequestHeader(value = "Accept", defaultValue = "") String accept) {
        return keep(me, null, fields, accept, "/admin/articles/new", null);
    }

    @PostMapping("/{id}/autosave")
    ResponseEntity<?> keepEdit(@AuthenticationPrincipal StaffUser me, @PathVariable long id,
            @RequestParam MultiValueMap<String, String> fields,
            @RequestHeader(value = "Accept", defaultValue = "") String accept) {
        String lockedBy = locks.stillEditing(id, ArticleAdminController.editorOf(me))
                .map(ArticleEditLocks.Holder::name).orElse(null);
        return keep(me, id, fields, accept, "/admin/articles/" + id + "/edit", lockedBy);
    }

    @PostMapping("/new/autosave/discard")
    String discardNew(@AuthenticationPrincipal StaffUser me, RedirectAttributes redirect) {
        autosaves.discard(null, ArticleAdminController.editorOf(me));
        redirect.addFlashAttribute("flash", "editor.autosave.discarded");
        return "redirect:/admin/articles/new";
    }

    @PostMapping("/{id}/autosave/discard")
    String discardEdit(@AuthenticationPrincipal StaffUser me, @PathVariable long id, RedirectAttributes redirect) {
        editor.load(id, ArticleAdminController.editorOf(me));
        autosaves.discard(id, ArticleAdminController.editorOf(me));
        redirect.addFlashAttribute("flash", "editor.autosave.discarded");
        return "redirect:/admin/articles/" + id + "/edit";
    }

    /** {@code lockedBy}: someone who took the article over meanwhile (the script says so), or null. */
    private ResponseEntity<?> keep(StaffUser me, Long id, MultiValueMap<String, String> fields, String accept,
            String form, String lockedBy) {
        Instant at = autosaves.keep(id, fields, ArticleAdminController.editorOf(me))
                .orElseThrow(() -> new TooLarge());
        if (!accept.contains(MediaType.APPLICATION_JSON_VALUE)) {
            return ResponseEntity.status(HttpStatus.FOUND).header("Location", form).build();
        }
        ArticleEditor.LivePreview preview = editor.livePreview(fields.getFirst("bodyMarkdown"));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .body(new Kept(time.format(at), preview.html(), preview.count().words(), preview.count().minutes(),
                        lockedBy));
    }

    /** A form larger than any article could be: not kept. */
    @org.springframework.web.bind.annotation.ResponseStatus(HttpStatus.PAYLOAD_TOO_LARGE)
    static final class TooLarge extends RuntimeException {

        private static final long serialVersionUID = 1L;

        TooLarge() {
            super("form too large to keep", null, false, false);
        }
    }
}
