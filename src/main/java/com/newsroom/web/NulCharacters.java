package com.newsroom.web;

import java.beans.PropertyEditorSupport;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * PostgreSQL's text cannot hold U+0000, so a form value carrying one failed at the database as a server
 * error. It is never part of anything a person types: every bound text value arrives without it.
 */
@ControllerAdvice
class NulCharacters {

    @InitBinder
    void removeNulCharacters(WebDataBinder binder) {
        binder.registerCustomEditor(String.class, new PropertyEditorSupport() {
            @Override
            public void setAsText(String text) {
                setValue(text == null ? null : text.replace("\u0000", ""));
            }
        });
    }
}
