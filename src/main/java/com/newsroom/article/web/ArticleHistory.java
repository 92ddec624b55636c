package com.newsroom.article.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import com.newsroom.article.ArticleRevisions;
import com.newsroom.article.ArticleWorkflow;

/**
 * An article's history as one story, newest first: its saved revisions and, between them at the moment they were
 * written, the editors' notes and returns to the author. {@code position} numbers the revisions alone (0 the
 * newest), for the comparison's default choice.
 */
record ArticleHistory(Instant at, ArticleRevisions.Revision revision, int position, ArticleWorkflow.Note note) {

    static List<ArticleHistory> of(List<ArticleRevisions.Revision> revisions, List<ArticleWorkflow.Note> notes) {
        List<ArticleHistory> entries = new ArrayList<>(revisions.size() + notes.size());
        for (int i = 0; i < revisions.size(); i++) {
            entries.add(new ArticleHistory(revisions.get(i).savedAt(), revisions.get(i), i, null));
        }
        notes.forEach(note -> entries.add(new ArticleHistory(note.at(), null, -1, note)));
        // At the same moment a note comes after the save it is about (it is listed above it, newest first).
        entries.sort(Comparator.comparing(ArticleHistory::at).thenComparing(entry -> entry.note() != null)
                .reversed());
        return List.copyOf(entries);
    }
}
