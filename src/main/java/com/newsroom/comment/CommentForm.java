package com.newsroom.comment;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.newsroom.web.PlainText;

/**
 * What a reader sends with "Leave a Reply". {@code fax} is a honeypot that people never see; {@code token}
 * is the signed time the form was served; {@code notifyReplies} asks for replies by email (double opt-in). The body's limit is checked against settings by the service.
 */
public record CommentForm(
        @NotBlank(message = "{comment.name.required}") @Size(max = 100, message = "{comment.name.size}") String name,
        @NotBlank(message = "{comment.email.required}") @Email(message = "{comment.email.invalid}")
        @Size(max = 254, message = "{comment.email.size}") String email,
        @Size(max = 300, message = "{comment.website.size}")
        @Pattern(regexp = "(?i)(https?://[^\\s<>\"]+)?", message = "{comment.website.invalid}") String website,
        @NotBlank(message = "{comment.body.required}") String body,
        Long parentId,
        String fax,
        String token,
        Boolean notifyReplies) {

    /**
     * Control and direction characters are removed as the form is read, so validation, the stored comment and
     * a re-shown form all see the same visible text (see {@link PlainText}).
     * <p>
     * Written out in full rather than compact on purpose: a compact constructor's parameters carry the components'
     * constraint annotations, and the form binding reads the constructor's parameter annotations for every post,
     * which the JDK parses again each time. Validation reads the constraints from the fields.
     */
    public CommentForm(String name, String email, String website, String body, Long parentId, String fax,
            String token, Boolean notifyReplies) {
        this.name = PlainText.line(name);
        this.email = PlainText.line(email);
        this.website = PlainText.line(website);
        this.body = PlainText.text(body);
        this.parentId = parentId;
        this.fax = fax;
        this.token = token;
        // Absent unless the box is on the page (a site without mail has none) and ticked: never a binding error.
        this.notifyReplies = Boolean.TRUE.equals(notifyReplies);
    }

    public static CommentForm empty(Long parentId) {
        return new CommentForm("", "", "", "", parentId, "", "", false);
    }

    String trimmedWebsite() {
        return website == null || website.isBlank() ? null : website.strip();
    }
}
