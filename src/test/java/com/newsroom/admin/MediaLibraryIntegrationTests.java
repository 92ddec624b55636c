package com.newsroom.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import javax.imageio.ImageIO;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import com.newsroom.testsupport.StaffLogins;
import com.newsroom.account.Account;
import com.newsroom.account.HttpSignIn;
import com.newsroom.account.Role;
import com.newsroom.testsupport.StaffFixtures;
import com.newsroom.article.Articles;
import com.newsroom.category.Category;
import com.newsroom.testsupport.IntegrationTest;
import com.newsroom.testsupport.SiteClient;
import com.newsroom.testsupport.TestContent;

/** Uploading images: checked by content, resized, stored in PostgreSQL, served for a year; refusals explained. */
@IntegrationTest
class MediaLibraryIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    TestContent content;

    @Autowired
    StaffLogins staff;

    @Autowired
    SiteClient site;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Articles articles;

    Account editor;

    @BeforeEach
    void setUp() {
        content.reset();
        editor = staff.create("Erin Editor", Role.EDITOR);
    }

    private static byte[] png(int width, int height) throws Exception {
        return image("png", width, height);
    }

    private static byte[] image(String format, int width, int height) throws Exception {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(Color.ORANGE);
        g.fillRect(0, 0, width, height);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, format, out);
        return out.toByteArray();
    }

    private MockHttpServletResponse upload(String name, String type, byte[] bytes, String alt) throws Exception {
        return mvc.perform(multipart("/admin/media").file(new MockMultipartFile("file", name, type, bytes))
                .param("altText", alt).with(staff.as(editor)).with(csrf())).andReturn().getResponse();
    }

    private long onlyMediaId() {
        return jdbc.sql("select id from media").query(Long.class).single();
    }

    private String onlyMediaKey() {
        return jdbc.sql("select public_key from media").query(String.class).single();
    }

    @Test
    void uploadedImageGetsResizedVariantsServedWithLongLivedCacheHeaders() throws Exception {
        assertThat(upload("harbour.png", "image/png", png(2000, 1000), "Cranes at the harbour").getStatus())
                .isEqualTo(302);
        long id = onlyMediaId();
        String key = onlyMediaKey();

        assertThat(jdbc.sql("select variant || ':' || width || 'x' || height from media_variants where media_id = :id"
                + " order by width").param("id", id).query(String.class).list())
                .containsExactly("thumb:240x120", "card:640x320", "large:1600x800");
        var card = mvc.perform(get("/media/" + key + "/card")).andReturn().getResponse();
        assertThat(card.getStatus()).isEqualTo(200);
        assertThat(card.getContentType()).isEqualTo("image/jpeg");
        assertThat(card.getHeader("Cache-Control")).contains("max-age=31536000", "public", "immutable");
        assertThat(ImageIO.read(new ByteArrayInputStream(card.getContentAsByteArray())).getWidth()).isEqualTo(640);
        var again = mvc.perform(get("/media/" + key + "/card").header("If-None-Match", card.getHeader("ETag")))
                .andReturn().getResponse();
        assertThat(again.getStatus()).isEqualTo(304);
        Document library = Jsoup.parse(mvc.perform(get("/admin/media").with(staff.as(editor))).andReturn()
                .getResponse().getContentAsString());
        assertThat(library.select("#media-" + id + " img").attr("alt")).isEqualTo("Cranes at the harbour");
        assertThat(mvc.perform(get("/media/" + key + "/huge")).andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(jdbc.sql("select actor_name || ' | ' || subject || ' | ' || link || ' | ' || detail from audit_log"
                + " where action = 'media.uploaded'").query(String.class).single())
                .isEqualTo("Erin Editor | Cranes at the harbour | /admin/media#media-" + id
                        + " | image/png, 2000×1000, " + String.format("%,d", png(2000, 1000).length) + " bytes");
    }

    @Test
    void fileThatIsNotAnImageIsRefusedWhateverItsNameOrDeclaredType() throws Exception {
        MockHttpServletResponse response = upload("photo.png", "image/png",
                "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8), "Typed alt text");

        assertThat(response.getStatus()).isEqualTo(422);
        Document page = Jsoup.parse(response.getContentAsString());
        assertThat(page.select(".form-error").text()).contains("not a JPEG, PNG or GIF");
        assertThat(page.select("#altText").attr("value")).isEqualTo("Typed alt text");
        assertThat(page.select("#" + page.select("#file").attr("aria-describedby")).text())
                .as("the file picker is described by its hint").contains("JPEG, PNG or GIF");
        assertThat(jdbc.sql("select count(*) from media").query(Integer.class).single()).isZero();
    }

    @Test
    void truncatedImageWithAnImageSignatureIsRefused() throws Exception {
        byte[] real = png(50, 50);
        byte[] truncated = java.util.Arrays.copyOf(real, 40);

        assertThat(upload("cut.png", "image/png", truncated, "Cut").getStatus()).isEqualTo(422);
        assertThat(jdbc.sql("select count(*) from media").query(Integer.class).single()).isZero();
    }

    @Test
    void imageWithoutAltTextIsRefused() throws Exception {
        MockHttpServletResponse response = upload("a.png", "image/png", png(10, 10), " ");

        assertThat(response.getStatus()).isEqualTo(422);
        assertThat(Jsoup.parse(response.getContentAsString()).select(".form-error").text()).contains("alt text");
    }

    @Test
    void oversizedUploadIsRefusedOnTheFormWith413NotARawErrorPage() {
        HttpSignIn browser = new HttpSignIn(site);
        browser.signInAs(editor.getUsername(), StaffFixtures.PASSWORD);
        byte[] nineMegabytes = new byte[9 * 1024 * 1024];
        nineMegabytes[0] = (byte) 0x89;

        SiteClient.Page page = browser.upload("/admin/media", "/admin/media", Map.of("altText", "Big"), "file",
                "big.png", "image/png", nineMegabytes);

        assertThat(page.status()).isEqualTo(413);
        assertThat(page.html().select(".form-error").text()).contains("larger than 8 MB");
        assertThat(page.html().select("form.upload-form")).hasSize(1);
        assertThat(page.body()).doesNotContain("Exception");
    }

    @Test
    void editorPicksTheHeroImageFromTheLibrary() throws Exception {
        upload("harbour.png", "image/png", png(1200, 600), "Cranes at the harbour");
        long mediaId = onlyMediaId();
        String key = onlyMediaKey();
        Category category = content.category("Trade");

        var response = mvc.perform(post("/admin/articles/new").with(staff.as(editor)).with(csrf())
                .param("title", "Ports get busier").param("bodyMarkdown", "Body.")
                .param("categoryId", String.valueOf(category.getId())).param("heroMediaId", String.valueOf(mediaId))
                .param("action", "publish")).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(302);

        var article = articles.findBySlug("ports-get-busier").orElseThrow();
        assertThat(article.getHeroImageUrl()).isEqualTo("/media/" + key + "/large");
        assertThat(article.getHeroImageAlt()).isEqualTo("Cranes at the harbour");
        SiteClient.Page page = site.get("/articles/ports-get-busier");
        assertThat(page.html().select(".hero img").attr("src")).isEqualTo("/media/" + key + "/large");
        assertThat(site.get("/media/" + key + "/large").status()).isEqualTo(200);
    }

    // --- Issue 11, item 7: nothing public by counting, and no metadata in what is public ---

    @Test
    void imagesArePublicOnlyAsReencodedVariantsUnderAnUnguessableKey() throws Exception {
        byte[] photo = withExifGps(image("jpg", 800, 600));
        assertThat(new String(photo, StandardCharsets.ISO_8859_1)).contains("Exif", "GPSLatitude 52.5163");
        upload("embargoed.jpg", "image/jpeg", photo, "Embargoed picture");
        long id = onlyMediaId();
        String key = onlyMediaKey();
        assertThat(key).matches("[0-9a-f]{32}");

        for (String variant : new String[] { "original", "large", "card", "thumb" }) {
            assertThat(site.get("/media/" + id + "/" + variant).status()).as("by id: " + variant).isEqualTo(404);
        }
        assertThat(site.get("/media/" + key + "/original").status()).isEqualTo(404);
        for (String variant : new String[] { "large", "card", "thumb" }) {
            var image = site.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(site.baseUrl() + "/media/"
                    + key + "/" + variant)).GET());
            assertThat(image.status()).isEqualTo(200);
            assertThat(image.body()).as(variant).doesNotContain("Exif").doesNotContain("GPSLatitude");
        }

        var anonymous = site.get("/admin/media/" + id + "/original");
        assertThat(anonymous.status()).isEqualTo(302);
        var original = mvc.perform(get("/admin/media/" + id + "/original").with(staff.as(editor))).andReturn()
                .getResponse();
        assertThat(original.getStatus()).isEqualTo(200);
        assertThat(original.getContentAsByteArray()).isEqualTo(photo);
        assertThat(original.getHeader("Cache-Control")).contains("no-store");
        Account author = staff.create("Ann Author", Role.AUTHOR);
        assertThat(mvc.perform(get("/admin/media/" + id + "/original").with(staff.as(author))).andReturn()
                .getResponse().getStatus()).isEqualTo(403);
    }

    /** Inserts an APP1 "Exif" segment right after the start-of-image marker, as cameras and phones write it. */
    private static byte[] withExifGps(byte[] jpeg) {
        byte[] payload = ("Exif\0\0MM\0*\0\0\0\u0008GPSLatitude 52.5163 N GPSLongitude 13.3777 E")
                .getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(0xFF);
        out.write(0xE1);
        out.write((payload.length + 2) >> 8);
        out.write((payload.length + 2) & 0xFF);
        out.writeBytes(payload);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }
}
