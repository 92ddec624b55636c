package com.newsroom.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.newsroom.article.Article;
import com.newsroom.audit.AuditLog;
import com.newsroom.author.Author;
import com.newsroom.comment.Comment;
import com.newsroom.comment.CommentStatus;
import com.newsroom.comment.Comments;
import com.newsroom.testsupport.IntegrationTest;
import com.newsroom.testsupport.SiteClient;
import com.newsroom.testsupport.TestContent;
import com.newsroom.web.paging.Listing;
import com.newsroom.web.paging.PageParams;

/** The moderation queue and decisions over real PostgreSQL, and what readers see as a result. */
@IntegrationTest
class ModerationServiceIntegrationTests {

    @Autowired
    TestContent content;

    @Autowired
    ModerationService moderation;

    @Autowired
    ModerationQueue queue;

    @Autowired
    Comments comments;

    @Autowired
    SiteClient site;

    Article article;

    @BeforeEach
    void anArticle() {
        content.reset();
        article = content.article("Moderated story").published();
    }

    @Test
    void approvingMakesTheCommentVisibleAndCountedAtOnceAndRecordsTheDecision() {
        Comment pending = content.comment(article, null, "Ada", "Worth reading", CommentStatus.PENDING);
        assertThat(site.get("/articles/moderated-story").html().select("#comment-" + pending.getId())).isEmpty();

        assertThat(moderation.apply(ModerationAction.APPROVE, List.of(pending.getId()), new AuditLog.Actor(null, "Mo Derator")).changed()).isEqualTo(1);

        Document page = site.get("/articles/moderated-story").html();
        assertThat(page.select("#comment-" + pending.getId() + " .comment-body").text()).isEqualTo("Worth reading");
        assertThat(page.select("#comments-title").text()).isEqualTo("1 comment");
        CommentDetail detail = moderation.detail(pending.getId());
        assertThat(detail.decisions()).extracting(CommentDetail.Decision::actor, CommentDetail.Decision::from,
                CommentDetail.Decision::to).containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Mo Derator", CommentStatus.PENDING, "APPROVED"));
    }

    @Test
    void everyDecisionIsRecordedFromAndTo() {
        Comment comment = content.comment(article, null, "Bo", "Hmm", CommentStatus.PENDING);
        moderation.apply(ModerationAction.SPAM, List.of(comment.getId()), new AuditLog.Actor(null, "Mo"));
        moderation.apply(ModerationAction.RESTORE, List.of(comment.getId()), new AuditLog.Actor(null, "Ed"));
        moderation.apply(ModerationAction.REJECT, List.of(comment.getId()), new AuditLog.Actor(null, "Mo"));
        moderation.apply(ModerationAction.REJECT, List.of(comment.getId()), new AuditLog.Actor(null, "Mo"));

        assertThat(moderation.detail(comment.getId()).decisions())
                .extracting(d -> d.actor() + ":" + d.from() + "→" + d.to())
                .containsExactly("Mo:PENDING→SPAM", "Ed:SPAM→PENDING", "Mo:PENDING→REJECTED");
        assertThat(comments.findById(comment.getId()).orElseThrow().getStatus()).isEqualTo(CommentStatus.REJECTED);
    }

    @Test
    void withdrawingAnApprovedCommentHidesItAndFixesTheCount() {
        Comment approved = content.comment(article, null, "Cy", "Shown", CommentStatus.APPROVED);
        assertThat(site.get("/articles/moderated-story").html().select("#comments-title").text()).isEqualTo("1 comment");
        moderation.apply(ModerationAction.REJECT, List.of(approved.getId()), new AuditLog.Actor(null, "Mo"));
        Document page = site.get("/articles/moderated-story").html();
        assertThat(page.select("#comment-" + approved.getId())).isEmpty();
        assertThat(page.select("#comments-title").text()).isEqualTo("Comments");
    }

    @Test
    void bulkActionsApplyToTheWholeSelection() {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(content.comment(article, null, "R" + i, "Text " + i, CommentStatus.PENDING).getId());
        }
        Comment untouched = content.comment(article, null, "Other", "Not selected", CommentStatus.PENDING);
        assertThat(moderation.apply(ModerationAction.APPROVE, ids, new AuditLog.Actor(null, "Mo")).changed()).isEqualTo(3);
        assertThat(comments.findById(untouched.getId()).orElseThrow().getStatus()).isEqualTo(CommentStatus.PENDING);
        assertThat(queue.counts(ModerationQueue.Scope.ALL)).containsEntry(CommentStatus.APPROVED, 3L).containsEntry(CommentStatus.PENDING, 1L);
    }

    @Test
    void deletingIsPermanentButTheDecisionRemains() {
        Comment comment = content.comment(article, null, "Dee", "Delete me", CommentStatus.SPAM);
        moderation.apply(ModerationAction.DELETE, List.of(comment.getId()), new AuditLog.Actor(null, "Mo"));
        assertThat(comments.findById(comment.getId())).isEmpty();
        assertThat(content.jdbc().sql("select count(*) from comment_decisions where to_status = 'DELETED' and note like ?")
                .param("Comment #" + comment.getId() + " by Dee deleted").query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void editingKeepsTheOriginalAsARevision() {
        Comment comment = content.comment(article, null, "Eve", "Original wording", CommentStatus.APPROVED);
        moderation.edit(comment.getId(), "Edited wording", new AuditLog.Actor(null, "Mo"));
        CommentDetail detail = moderation.detail(comment.getId());
        assertThat(detail.body()).isEqualTo("Edited wording");
        assertThat(detail.editedAt()).isNotNull();
        assertThat(detail.revisions()).extracting(CommentDetail.Revision::body, CommentDetail.Revision::editedBy)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Original wording", "Mo"));
        assertThat(site.get("/articles/moderated-story").html().select(".comment-body").text())
                .isEqualTo("Edited wording");
    }

    @Test
    void staffRepliesAppearUnderTheCommentMarkedAsTheNewsroom() {
        Author staff = content.author("Mo Derator");
        Comment question = content.comment(article, null, "Fay", "Where is the source?", CommentStatus.APPROVED);
        long reply = moderation.replyAsStaff(question.getId(), "Linked in the second paragraph.",
                new AuditLog.Actor(staff.getId(), "Mo Derator"));
        Document page = site.get("/articles/moderated-story").html();
        var shown = page.select("#comment-" + question.getId() + " .comment-replies #comment-" + reply);
        assertThat(shown.select(".comment-author").text()).isEqualTo("Mo Derator");
        assertThat(shown.select(".badge").text()).isEqualTo("Newsroom");
        assertThat(page.html()).doesNotContain("newsroom.invalid");
    }

    @Test
    void theQueueIsNewestFirstFilteredByArticleWithReasonsAndPagedByKeyset() {
        Article other = content.article("Another story").published();
        List<Long> expected = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            content.clock().advance(Duration.ofSeconds(1));
            expected.add(0, content.comment(article, null, "Reader " + i, "Pending " + i, CommentStatus.PENDING).getId());
        }
        content.comment(other, null, "Elsewhere", "Other article", CommentStatus.PENDING);
        content.jdbc().sql("insert into comment_signals (comment_id, rule, detail, score) values (?, 'LINKS', 'Contains 3 links (more than 2).', 30)")
                .param(expected.get(0)).update();

        Listing<QueueRow> first = queue.page(CommentStatus.PENDING, article.getId(), PageParams.FIRST);
        assertThat(first.items()).hasSize(25);
        assertThat(first.items().get(0).reasons()).extracting(QueueRow.Reason::detail)
                .containsExactly("Contains 3 links (more than 2).");
        assertThat(first.items().get(0).articleTitle()).isEqualTo("Moderated story");
        Listing<QueueRow> second = queue.page(CommentStatus.PENDING, article.getId(),
                PageParams.of("2", first.nextQuery().replaceAll(".*after=", ""), null));
        List<Long> seen = new ArrayList<>(first.items().stream().map(QueueRow::id).toList());
        seen.addAll(second.items().stream().map(QueueRow::id).toList());
        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(second.hasNext()).isFalse();
        assertThat(queue.page(CommentStatus.PENDING, ModerationQueue.Scope.ALL, PageParams.FIRST).items()).hasSize(25);
        assertThat(queue.counts(article.getId())).containsEntry(CommentStatus.PENDING, 30L);
        assertThat(queue.counts(ModerationQueue.Scope.ALL)).containsEntry(CommentStatus.PENDING, 31L);
    }
}
