package com.newsroom.notification;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code newsroom.mail.*}: how queued mail is sent. The mail server itself is Spring Boot's
 * {@code spring.mail.host}/{@code port}/{@code username}/{@code password}; without a host nothing is sent and
 * readers are not offered replies by email.
 *
 * @param from the sender of every mail, as "Name &lt;address&gt;"
 * @param sendEvery how often the outbox is looked at for mail that is due (ISO-8601, as PT10S)
 * @param batchSize mails sent per look, at most
 * @param maxAttempts failed attempts before a mail is given up (each waits longer than the one before)
 * @param digestEvery how often a moderator who asked for it gets a digest, when comments are waiting (ISO-8601)
 */
@Validated
@ConfigurationProperties("newsroom.mail")
public record MailProperties(
        @NotBlank @DefaultValue("Newsroom <no-reply@localhost>") String from,
        @NotNull @DefaultValue("PT10S") Duration sendEvery,
        @Min(1) @Max(500) @DefaultValue("20") int batchSize,
        @Min(1) @Max(20) @DefaultValue("8") int maxAttempts,
        @NotNull @DefaultValue("PT24H") Duration digestEvery) {
}
