package com.newsroom.moderation.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import com.newsroom.web.PlainText;

/** Text a moderator writes: an edited comment or a staff reply. */
record ModerationForm(@NotBlank(message = "{moderation.text.required}")
        @Size(max = 5000, message = "{moderation.text.size}") String body) {

    /** Invisible control and direction characters never reach a page, whoever typed them. */
    ModerationForm {
        body = PlainText.text(body);
    }
}
