package com.newsroom.moderation.web;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

import com.newsroom.moderation.ModerationService;

/**
 * What a decision did, carried to the next page as a flash attribute (kept in the session, hence serializable):
 * the action's message key, how many comments it moved, the writer's name when it was one, and the moves that
 * undo it ("id:STATUS_NOW:STATUS_BEFORE"; empty when it cannot be undone).
 */
record Decided(String action, int count, String authorName, List<String> undo) implements Serializable {

    static Decided of(ModerationService.Outcome outcome) {
        List<String> undo = new ArrayList<>();
        if (outcome.undoable()) {
            outcome.changes().forEach(c -> undo.add(c.commentId() + ":" + c.to() + ":" + c.from()));
        }
        String name = outcome.changed() == 1 ? outcome.changes().get(0).authorName() : null;
        return new Decided(outcome.action().name(), outcome.changed(), name, List.copyOf(undo));
    }
}
