package com.newsroom.comment.web;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import com.newsroom.comment.CommentThreads;
import com.newsroom.web.NotFoundException;

/**
 * A comment's own address, {@code /comments/{id}}: sends the reader to the page of its article's thread that shows
 * it. Links to a comment from elsewhere (the moderation queue, reports, reply emails) use it, because an article's
 * address alone opens the thread's first page, and in a long thread the comment is on another.
 */
@Controller
class CommentLinkController {

    private final CommentThreads threads;

    CommentLinkController(CommentThreads threads) {
        this.threads = threads;
    }

    @GetMapping("/comments/{id}")
    String comment(@PathVariable String id, HttpServletResponse response) {
        if (!id.matches("[1-9][0-9]{0,17}")) {
            throw new NotFoundException();
        }
        String link = threads.link(Long.parseLong(id)).orElseThrow(NotFoundException::new);
        // The page that shows it changes as the thread grows: never kept by a cache.
        response.setHeader(HttpHeaders.CACHE_CONTROL, "private, no-store");
        return "redirect:" + link;
    }
}
