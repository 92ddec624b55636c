package com.newsroom.feed;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;

import com.newsroom.cache.PageKeys;
import com.newsroom.site.SiteSettingsProvider;
import com.newsroom.web.NotFoundException;

/**
 * The sitemap index at {@code /sitemap.xml}, the sitemaps it lists, a Google News sitemap, and
 * {@code /robots.txt} pointing at them.
 */
@Controller
class SitemapController {

    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    private static final String CACHE = "public, max-age=600";

    private final Sitemaps sitemaps;

    private final SiteSettingsProvider settings;

    SitemapController(Sitemaps sitemaps, SiteSettingsProvider settings) {
        this.sitemaps = sitemaps;
        this.settings = settings;
    }

    @GetMapping("/sitemap.xml")
    void index(HttpServletResponse response) throws IOException {
        PageKeys.add(PageKeys.SITEMAP);
        write(response, xml -> sitemaps.writeIndex(xml, settings.current()));
    }

    @GetMapping("/sitemap-sections.xml")
    void sections(HttpServletResponse response) throws IOException {
        PageKeys.add(PageKeys.SITEMAP);
        write(response, xml -> sitemaps.writeSections(xml, settings.current()));
    }

    @GetMapping("/sitemap-articles-{page:[0-9]+}.xml")
    void articles(@PathVariable("page") String number, HttpServletResponse response) throws IOException {
        long page = pageNumber(number);
        if (!sitemaps.hasArticlePage(page)) {
            throw new NotFoundException();
        }
        PageKeys.add(PageKeys.SITEMAP);
        write(response, xml -> sitemaps.writeArticles(xml, settings.current(), page));
    }

    @GetMapping("/sitemap-tags-{page:[0-9]+}.xml")
    void tags(@PathVariable("page") String number, HttpServletResponse response) throws IOException {
        long page = pageNumber(number);
        if (!sitemaps.hasTagPage(page)) {
            throw new NotFoundException();
        }
        PageKeys.add(PageKeys.SITEMAP);
        write(response, xml -> sitemaps.writeTags(xml, settings.current(), page));
    }

    @GetMapping("/sitemap-news.xml")
    void news(HttpServletResponse response) throws IOException {
        PageKeys.add(PageKeys.SITEMAP);
        write(response, xml -> sitemaps.writeNews(xml, settings.current()));
    }

    @GetMapping(value = "/robots.txt", produces = "text/plain;charset=UTF-8")
    @ResponseBody
    String robots() {
        String base = settings.current().baseUrl();
        return """
                User-agent: *
                Disallow: /admin

                Sitemap: %s/sitemap.xml
                Sitemap: %s/sitemap-news.xml
                """.formatted(base, base);
    }

    private static long pageNumber(String number) {
        if (number.length() > 6 || Long.parseLong(number) < 1) {
            throw new NotFoundException();
        }
        return Long.parseLong(number);
    }

    private interface Body {
        void write(XMLStreamWriter xml) throws XMLStreamException;
    }

    private static void write(HttpServletResponse response, Body body) throws IOException {
        response.setContentType("application/xml;charset=UTF-8");
        response.setHeader(HttpHeaders.CACHE_CONTROL, CACHE);
        OutputStream out = new BufferedOutputStream(response.getOutputStream(), 32 * 1024);
        try {
            XMLStreamWriter xml = XML.createXMLStreamWriter(out, "UTF-8");
            body.write(xml);
            xml.close();
        }
        catch (XMLStreamException ex) {
            throw new IOException("Sitemap could not be written", ex);
        }
        out.flush();
    }
}
