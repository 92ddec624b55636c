package com.newsroom.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.newsroom.testsupport.IntegrationTest;
import com.newsroom.testsupport.SiteClient;
import com.newsroom.testsupport.TestContent;

@IntegrationTest
class StaticAssetsIntegrationTests {

    @Autowired
    SiteClient site;

    @Autowired
    TestContent content;

    @Test
    void stylesheetsAreFingerprintedAndCachedForAYear() {
        content.reset();
        String href = site.get("/").html().select("link[rel=stylesheet]").first().attr("href");
        assertThat(href).matches("/css/site-[0-9a-f]{32}\\.css");

        SiteClient.Page css = site.get(href);
        assertThat(css.status()).isEqualTo(200);
        assertThat(css.header("Content-Type")).startsWith("text/css");
        assertThat(css.header("Cache-Control")).contains("max-age=31536000").contains("public");
        assertThat(css.body()).contains(".site-header");
    }
}
