package com.newsroom.media.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

import com.newsroom.account.StaffUser;
import com.newsroom.media.MediaLibrary;
import com.newsroom.web.RuleViolation;

/**
 * An image sent from the article editor's script (file picker, drop or paste): stored through the same library
 * as the media page (same checks, alt text required, audited), answered with what the editor inserts at the
 * cursor. Anyone who writes articles may send one (see SecurityConfiguration); the library page stays for editors.
 * A refusal is 422 with the message the editor shows beside the upload dialog.
 */
@Controller
class EditorUploadController {

    private final MediaLibrary library;

    private final MessageSource messages;

    EditorUploadController(MediaLibrary library, MessageSource messages) {
        this.library = library;
        this.messages = messages;
    }

    /** What the editor inserts: the Markdown for the large variant, and a thumbnail to show in the dialog. */
    record Uploaded(long id, String url, String thumb, String alt, String markdown, int width, int height) {
    }

    @PostMapping("/admin/media/uploads")
    ResponseEntity<?> upload(@AuthenticationPrincipal StaffUser me,
            @RequestParam(required = false) MultipartFile file, @RequestParam(defaultValue = "") String altText,
            Locale locale) {
        try {
            if (file == null || file.isEmpty()) {
                throw new RuleViolation("file", "admin.media.empty");
            }
            long id = library.upload(MediaAdminController.bytes(file), file.getOriginalFilename(), altText, me.getStaffId());
            MediaLibrary.Item item = library.find(id).orElseThrow();
            var large = library.picture(item.url("large")).orElseThrow().variant("large");
            return ResponseEntity.status(HttpStatus.CREATED).contentType(MediaType.APPLICATION_JSON).body(new Uploaded(id, item.url("large"),
                    item.url("thumb"), item.altText(), markdown(item.altText(), item.url("large")), large.width(),
                    large.height()));
        }
        catch (RuleViolation refused) {
            Map<String, String> body = new LinkedHashMap<>();
            body.put("field", refused.field());
            body.put("message", messages.getMessage(refused.messageKey(), null, locale));
            return ResponseEntity.status(refused.status()).contentType(MediaType.APPLICATION_JSON).body(body);
        }
    }

    /** Markdown image syntax with the alt text made safe inside its brackets. */
    static String markdown(String alt, String url) {
        String text = alt.replaceAll("[\\r\\n]+", " ").replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]");
        return "![" + text + "](" + url + ")";
    }
}
