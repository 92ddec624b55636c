package com.newsroom.article.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.newsroom.account.Role;
import com.newsroom.account.StaffUser;
import com.newsroom.account.TestPrincipals;
import com.newsroom.article.ArticleAdminQueries;
import com.newsroom.article.ArticleEditLocks;
import com.newsroom.article.ArticleEditor;
import com.newsroom.article.ArticleQueries;
import com.newsroom.article.ArticleWorkflow;
import com.newsroom.article.DraftAutosaves;
import com.newsroom.article.LifecycleStep;
import com.newsroom.config.NewsroomProperties;
import com.newsroom.media.MediaLibrary;
import com.newsroom.site.DisplayDates;
import com.newsroom.site.Navigation;
import com.newsroom.site.SiteSettings;
import com.newsroom.site.SiteSettingsProvider;
import com.newsroom.web.RuleViolation;

/**
 * The editor form's rules at the web layer alone: which button asks the service for what, and how a refusal is
 * shown. The service is replaced, so these say nothing about the database (the integration tests do).
 */
@WebMvcTest(controllers = ArticleAdminController.class, excludeFilters = @ComponentScan.Filter(
        type = FilterType.REGEX, pattern = "com\\.newsroom\\.(cache|web)\\..*Filter"))
@EnableConfigurationProperties(NewsroomProperties.class)
@Import(DisplayDates.class)
class ArticleAdminControllerTests {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    ArticleEditor editor;

    @MockitoBean
    ArticleAdminQueries adminQueries;

    @MockitoBean
    ArticleQueries readerQueries;

    @MockitoBean
    MediaLibrary media;

    @MockitoBean
    DraftAutosaves autosaves;

    @MockitoBean
    ArticleEditLocks locks;

    @MockitoBean
    ArticleWorkflow workflow;

    @MockitoBean
    com.newsroom.article.ArticleUpdates updates;

    @MockitoBean(name = "siteSettingsProvider")
    SiteSettingsProvider settings;

    @MockitoBean(name = "navigation")
    Navigation navigation;

    @BeforeEach
    void site() {
        when(settings.current()).thenReturn(new SiteSettings("Newsroom", "", "", "http://localhost", List.of()));
        when(editor.categoryChoices()).thenReturn(Map.of(7L, "Technology"));
        when(editor.authorChoices()).thenReturn(Map.of(3L, "Lukas Brenner", 4L, "Daniel Reyes"));
        when(editor.livePreview(any())).thenReturn(new ArticleEditor.LivePreview("", new ArticleEditor.WordCount(0, 1)));
    }

    @Test
    void scheduleWithNoDateAsksTheServiceToScheduleAtNothingAndShowsItsRefusal() throws Exception {
        when(editor.create(any(), eq(LifecycleStep.schedule(null)), any()))
                .thenThrow(new RuleViolation("scheduleAt", "admin.article.scheduleRequired"));

        MvcResult result = mvc.perform(newArticle("schedule").param("scheduleAt", "")).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(422);
        Document page = Jsoup.parse(result.getResponse().getContentAsString());
        assertThat(page.select("#scheduleAt + .field-error").text()).isEqualTo("Choose the date and time to publish at.");
        assertThat(page.select("#title").attr("value")).isEqualTo("Chip rules");
    }

    @Test
    void aTypedScheduleIsReadInTheSiteTimeZoneAndSavedWithTheTextInOneCall() throws Exception {
        when(editor.create(any(), any(), any())).thenReturn(42L);

        MvcResult result = mvc.perform(newArticle("schedule").param("scheduleAt", "2030-05-01T09:30")).andReturn();

        assertThat(result.getResponse().getRedirectedUrl()).isEqualTo("/admin/articles/42/edit");
        verify(editor).create(any(), eq(LifecycleStep.schedule(
                LocalDateTime.parse("2030-05-01T09:30").toInstant(ZoneOffset.UTC))), any());
    }

    @Test
    void aScheduleThatIsNotADateIsRefusedBeforeTheServiceIsAsked() throws Exception {
        MvcResult result = mvc.perform(newArticle("schedule").param("scheduleAt", "next tuesday")).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(422);
        assertThat(Jsoup.parse(result.getResponse().getContentAsString()).select("#scheduleAt + .field-error").text())
                .isNotBlank();
        verify(editor, never()).create(any(), any(), any());
    }

    @Test
    void theBylineIsHandedOverInTheOrderOfThePickerLines() throws Exception {
        when(editor.create(any(), any(), any())).thenReturn(42L);

        mvc.perform(newArticle("save").param("authorIds", "4", "", "3"));

        verify(editor).create(org.mockito.ArgumentMatchers.argThat(input -> input.authorIds().equals(List.of(4L, 3L))),
                eq(LifecycleStep.SAVE_ONLY), any());
    }

    @Test
    void anInvalidFormNeverReachesTheService() throws Exception {
        MvcResult result = mvc.perform(newArticle("publish", "")).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(422);
        verify(editor, never()).create(any(), any(), any());
        verify(editor, never()).update(anyLong(), anyLong(), any(), any(), any());
    }

    private MockHttpServletRequestBuilder newArticle(String action) {
        return newArticle(action, "Chip rules");
    }

    private MockHttpServletRequestBuilder newArticle(String action, String title) {
        StaffUser me = TestPrincipals.staff(1, "Erin Editor", Role.EDITOR);
        return post("/admin/articles/new").with(user(me)).with(csrf()).param("title", title)
                .param("bodyMarkdown", "Body.").param("categoryId", "7").param("action", action);
    }
}
