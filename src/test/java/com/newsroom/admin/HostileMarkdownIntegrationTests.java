package com.newsroom.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.Locale;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import com.newsroom.testsupport.StaffLogins;
import com.newsroom.account.Account;
import com.newsroom.account.Role;
import com.newsroom.article.Articles;
import com.newsroom.category.Category;
import com.newsroom.testsupport.IntegrationTest;
import com.newsroom.testsupport.SiteClient;
import com.newsroom.testsupport.TestContent;

/** Whatever an editor pastes, no script reaches a reader: not in the stored HTML, the page, or the preview. */
@IntegrationTest
class HostileMarkdownIntegrationTests {

    private static final String HOSTILE = """
            # Breaking

            <script>alert('inline')</script>

            Read [this](javascript:alert('link')) and [that](JaVaScRiPt:alert%28document.cookie%29).

            <a href=" javascript:alert('spaced')">spaced</a>

            <img src="x" onerror="alert('onerror')" alt="broken">

            ![pixel](javascript:alert('image'))

            <iframe src="https://evil.example/frame"></iframe>

            <svg onload="alert('svg')"><circle r="5"></circle></svg>

            <p style="background:url(javascript:alert('style'))" onclick="alert('click')">Styled paragraph</p>

            <a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data link</a>

            <form action="https://evil.example"><input name="password"></form>

            A normal **bold** ending with a [safe link](https://example.org/story).
            """;

    @Autowired
    MockMvc mvc;

    @Autowired
    TestContent content;

    @Autowired
    StaffLogins staff;

    @Autowired
    SiteClient site;

    @Autowired
    Articles articles;

    Account editor;

    Category category;

    @BeforeEach
    void setUp() {
        content.reset();
        editor = staff.create("Erin Editor", Role.EDITOR);
        category = content.category("Security");
    }

    @Test
    void hostileMarkdownIsSanitizedInStoredHtmlAndOnTheReaderPage() throws Exception {
        MvcResult created = mvc.perform(post("/admin/articles/new").with(staff.as(editor)).with(csrf())
                .param("title", "Hostile story").param("bodyMarkdown", HOSTILE)
                .param("categoryId", String.valueOf(category.getId())).param("action", "publish"))
                .andReturn();
        assertThat(created.getResponse().getStatus()).isEqualTo(302);

        String stored = articles.findBySlug("hostile-story").orElseThrow().getBodyHtml();
        assertSafe(Jsoup.parseBodyFragment(stored).body());
        assertThat(stored).contains("<strong>bold</strong>", "href=\"https://example.org/story\"", "Styled paragraph");

        SiteClient.Page page = site.get("/articles/hostile-story");
        assertThat(page.status()).isEqualTo(200);
        Element body = page.html().selectFirst(".article-body");
        assertSafe(body);
        assertThat(body.select("a[href=https://example.org/story]").text()).isEqualTo("safe link");
    }

    @Test
    void editorPreviewIsSanitizedToo() throws Exception {
        MvcResult preview = mvc.perform(post("/admin/articles/new").with(staff.as(editor)).with(csrf())
                .param("title", "Hostile preview").param("bodyMarkdown", HOSTILE)
                .param("categoryId", String.valueOf(category.getId())).param("action", "preview"))
                .andReturn();

        assertThat(preview.getResponse().getStatus()).isEqualTo(200);
        Element rendered = Jsoup.parse(preview.getResponse().getContentAsString()).selectFirst(".preview .article-body");
        assertThat(rendered).isNotNull();
        assertSafe(rendered);
        assertThat(rendered.select("strong").text()).isEqualTo("bold");
        assertThat(articles.count()).isZero();
    }

    private static void assertSafe(Element root) {
        assertThat(root.select("script, iframe, svg, form, input, style, object, embed")).isEmpty();
        for (Element element : root.getAllElements()) {
            for (Attribute attribute : element.attributes()) {
                String name = attribute.getKey().toLowerCase(Locale.ROOT);
                String value = attribute.getValue().strip().toLowerCase(Locale.ROOT);
                assertThat(name).as("attribute on <%s>", element.tagName()).doesNotStartWith("on").isNotEqualTo("style");
                if (name.equals("href") || name.equals("src")) {
                    assertThat(value).as("%s on <%s>", name, element.tagName())
                            .doesNotStartWith("javascript:").doesNotStartWith("data:").doesNotStartWith("vbscript:");
                }
            }
        }
        // Text may mention anything; only markup can run, so no attribute anywhere may carry a script.
        assertThat(root.getAllElements().stream().flatMap(e -> e.attributes().asList().stream())
                .map(a -> a.getValue().toLowerCase(Locale.ROOT))).noneMatch(v -> v.contains("javascript:")
                        || v.contains("alert("));
    }
}
