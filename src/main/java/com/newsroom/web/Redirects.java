package com.newsroom.web;

import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.view.RedirectView;

public final class Redirects {

    private Redirects() {
    }

    /** A 301 to a path on this site: for URLs that moved for good, such as an article's old slug. */
    public static RedirectView permanent(String path) {
        RedirectView view = new RedirectView(path, true);
        view.setStatusCode(HttpStatus.MOVED_PERMANENTLY);
        view.setExposeModelAttributes(false);
        return view;
    }
}
