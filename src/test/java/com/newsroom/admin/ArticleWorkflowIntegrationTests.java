package com.newsroom.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.newsroom.account.Account;
import com.newsroom.account.Role;
import com.newsroom.article.ArticleEditor;
import com.newsroom.article.Articles;
import com.newsroom.article.Editor;
import com.newsroom.category.Category;
import com.newsroom.testsupport.IntegrationTest;
import com.newsroom.testsupport.StaffLogins;
import com.newsroom.testsupport.TestContent;

/** The editorial workflow between an author and an editor: submit, return with a note, notes, the author's view. */
@IntegrationTest
class ArticleWorkflowIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestContent content;

    @Autowired
    StaffLogins staff;

    @Autowired
    Articles articles;

    @Autowired
    ArticleEditor editorService;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    com.newsroom.author.Authors authors;

    Account editor;

    Account author;

    Category category;

    @BeforeEach
    void setUp() {
        content.reset();
        editor = staff.create("Erin Editor", Role.EDITOR);
        author = staff.create("Arthur Author", Role.AUTHOR);
        category = content.category("Technology");
    }

    @Test
    void afterSubmittingTheArticleIsInReviewOnceAndNoLongerOffersSubmitting() throws Exception {
        long id = draftBy(author, "Chip rules");
        send(post("/admin/articles/" + id + "/submit"), author);

        Document editPage = page("/admin/articles/" + id + "/edit", author);
        assertThat(editPage.select(".article-state .badge").eachText()).containsExactly("In review");
        assertThat(editPage.select("button[value=submit]")).isEmpty();
        Document list = page("/admin/articles", author);
        assertThat(list.select(".article-table tbody tr .badge").eachText()).containsExactly("In review");
    }

    @Test
    void anEditorReturnsADraftWithANoteTheAuthorSeesItAndSubmitsAgain() throws Exception {
        long id = draftBy(author, "Chip rules");
        send(post("/admin/articles/" + id + "/submit"), author);

        MockHttpServletResponse noNote = send(post("/admin/articles/" + id + "/review/return").param("note", "  "), editor);
        assertThat(noNote.getStatus()).isEqualTo(422);
        assertThat(Jsoup.parse(noNote.getContentAsString()).select("#return-note-error").text())
                .contains("the author needs to know what to change");
        assertThat(articles.findById(id).orElseThrow().getReviewRequestedAt()).isNotNull();

        MockHttpServletResponse returned = send(post("/admin/articles/" + id + "/review/return")
                .param("note", "Needs a second source for the figures."), editor);
        assertThat(returned.getStatus()).isEqualTo(302);
        assertThat(returned.getRedirectedUrl()).isEqualTo("/admin/articles/" + id + "/review");
        assertThat(articles.findById(id).orElseThrow().getReviewRequestedAt()).isNull();

        Document dashboard = page("/admin", author);
        var piece = dashboard.select("#piece-" + id);
        assertThat(piece.select(".badge").text()).isEqualTo("Returned to author");
        assertThat(piece.select(".return-note").text()).isEqualTo("Returned: Needs a second source for the figures.");
        Document review = page("/admin/articles/" + id + "/review", author);
        assertThat(review.select(".article-notes li").text()).contains("Erin Editor", "Needs a second source");
        assertThat(review.select("main form")).as("authors read notes, editors write them").isEmpty();

        // A second return of what is no longer in review is refused, with the note kept.
        MockHttpServletResponse again = send(post("/admin/articles/" + id + "/review/return").param("note", "Again"), editor);
        assertThat(again.getStatus()).isEqualTo(422);
        // (the return form is only offered while in review; the refusal names why)
        assertThat(again.getContentAsString()).contains("Only a draft waiting for review can be returned");

        send(post("/admin/articles/" + id + "/submit"), author);
        assertThat(page("/admin", author).select("#piece-" + id + " .badge").text()).isEqualTo("In review");
        assertThat(jdbc.sql("select action from audit_log where subject = 'Chip rules' order by id").query(String.class)
                .list()).containsSubsequence("article.created", "article.submitted", "article.returned",
                        "article.submitted");
    }

    @Test
    void authorsCannotReturnOrWriteNotesAndNotesStayWithTheArticlesHistory() throws Exception {
        long id = draftBy(author, "Chip rules");
        send(post("/admin/articles/" + id + "/submit"), author);
        assertThat(send(post("/admin/articles/" + id + "/review/return").param("note", "x"), author).getStatus())
                .isEqualTo(403);
        assertThat(send(post("/admin/articles/" + id + "/review/notes").param("note", "x"), author).getStatus())
                .isEqualTo(403);
        assertThat(send(post("/admin/articles/" + id + "/review/notes").param("note", "Legal has read it."), editor)
                .getStatus()).isEqualTo(302);
        String typed = "x".repeat(4001);
        MockHttpServletResponse tooLong = send(post("/admin/articles/" + id + "/review/notes").param("note", typed), editor);
        assertThat(tooLong.getStatus()).isEqualTo(422);
        assertThat(Jsoup.parse(tooLong.getContentAsString()).select("#note").text()).isEqualTo(typed);

        Document review = page("/admin/articles/" + id + "/review", editor);
        assertThat(review.select(".article-notes li .note-body").eachText()).containsExactly("Legal has read it.");
        assertThat(review.select(".return-to-author")).hasSize(1);
        long other = draftBy(editor, "Someone else's");
        assertThat(mvc.perform(get("/admin/articles/" + other + "/review").with(staff.as(author))).andReturn()
                .getResponse().getStatus()).isEqualTo(403);
    }

    @Test
    void anAuthorSeesEveryPieceOfTheirsWithItsState() throws Exception {
        long draft = draftBy(author, "A draft");
        long published = draftBy(author, "Out already");
        editorService.publish(published, content.now(), Editor.SYSTEM);
        // Started by someone else, with the author on the byline: theirs to see too.
        long bylined = content.article("Bylined by the author").in(category)
                .by(authors.findById(author.getStaffId()).orElseThrow()).published().getId();

        Document list = page("/admin/articles", author);
        assertThat(list.select(".article-link").eachText())
                .containsExactlyInAnyOrder("A draft", "Out already", "Bylined by the author");
        assertThat(list.select(".count-PUBLISHED .n").text()).isEqualTo("2");
        assertThat(list.select(".count-DRAFT .n").text()).isEqualTo("1");
        // Only the draft is theirs to edit; what went out links to its notes and the live page.
        assertThat(list.select("a.article-link[href$=/edit]").eachText()).containsExactly("A draft");
        Document dashboard = page("/admin", author);
        assertThat(dashboard.select(".dash-mine li a:first-child").eachText())
                .containsExactlyInAnyOrder("A draft", "Out already", "Bylined by the author");
        assertThat(dashboard.select("#piece-" + published).text()).contains("Published", "published");
        assertThat(dashboard.select("#piece-" + draft + " .badge").text()).isEqualTo("Draft");
        assertThat(bylined).isPositive();
    }

    private long draftBy(Account who, String title) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("title", title);
        form.put("bodyMarkdown", "Body.");
        form.put("categoryId", String.valueOf(category.getId()));
        MockHttpServletResponse created = send(post("/admin/articles/new").params(toParams(form)), who);
        assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(302);
        return Long.parseLong(created.getRedirectedUrl().replaceAll("\\D+", " ").trim().split(" ")[0]);
    }

    private static org.springframework.util.MultiValueMap<String, String> toParams(Map<String, String> form) {
        var params = new org.springframework.util.LinkedMultiValueMap<String, String>();
        form.forEach(params::add);
        return params;
    }

    private MockHttpServletResponse send(MockHttpServletRequestBuilder request, Account as) throws Exception {
        return mvc.perform(request.with(staff.as(as)).with(csrf())).andReturn().getResponse();
    }

    private Document page(String path, Account as) throws Exception {
        return Jsoup.parse(mvc.perform(get(path).with(staff.as(as))).andReturn().getResponse().getContentAsString());
    }
}
