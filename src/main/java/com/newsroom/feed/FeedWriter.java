package com.newsroom.feed;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;

import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;

import com.newsroom.article.LiveCoverage;
import com.newsroom.site.SiteSettings;
import com.newsroom.web.PlainText;

/** Builds Atom 1.0 and RSS 2.0 documents with ROME; no XML is written by hand. */
final class FeedWriter {

    enum Format {
        ATOM("atom_1.0", "application/atom+xml"), RSS("rss_2.0", "application/rss+xml");

        final String romeType;

        final String mediaType;

        Format(String romeType, String mediaType) {
            this.romeType = romeType;
            this.mediaType = mediaType;
        }

        static Format of(String extension) {
            return "rss".equals(extension) ? RSS : ATOM;
        }
    }

    /** What a feed says about itself: its title and description, the page it mirrors and its own path. */
    record Channel(String title, String description, String pagePath, String feedPath) {
    }

    private FeedWriter() {
    }

    /** The moment a feed last changed: its newest entry update, or {@code fallback} when it is empty. */
    static Instant updated(List<FeedArticle> articles, Instant fallback) {
        return articles.stream().map(FeedArticle::updatedAt).max(Comparator.naturalOrder()).orElse(fallback);
    }

    static String write(Format format, Channel channel, List<FeedArticle> articles, SiteSettings site,
            boolean fullContent, Instant updated) {
        return write(format, channel, articles.stream().map(article -> entry(article, site, fullContent)).toList(),
                site, updated);
    }

    /**
     * The updates of a live page, newest first (pinned ones where they were posted: a feed reader sorts by date),
     * each an entry of its own with a stable id and a link to its place on the page.
     */
    static String writeLive(Channel channel, String articleSlug, List<LiveCoverage.Update> updates,
            SiteSettings site, Instant updated) {
        String base = site.baseUrl();
        List<SyndEntry> entries = updates.stream()
                .sorted(Comparator.comparing(LiveCoverage.Update::postedAt).reversed())
                .map(update -> {
                    SyndEntry entry = new SyndEntryImpl();
                    entry.setTitle(PlainText.excerpt(update.text(), 110));
                    entry.setLink(base + "/articles/" + articleSlug + "#update-" + update.id());
                    entry.setUri("tag:" + host(base) + ",2026:live-update:" + update.id());
                    entry.setPublishedDate(Date.from(update.postedAt()));
                    entry.setUpdatedDate(Date.from(update.editedAt() == null ? update.postedAt() : update.editedAt()));
                    SyndPerson author = new SyndPersonImpl();
                    author.setName(update.authorName());
                    entry.setAuthors(List.of(author));
                    entry.setContents(List.of(content("html", update.bodyHtml())));
                    return entry;
                })
                .toList();
        return write(Format.ATOM, channel, entries, site, updated);
    }

    private static String write(Format format, Channel channel, List<SyndEntry> entries, SiteSettings site,
            Instant updated) {
        String base = site.baseUrl();
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType(format.romeType);
        feed.setEncoding("UTF-8");
        feed.setTitle(channel.title());
        feed.setDescription(channel.description());
        feed.setLanguage("en");
        feed.setLink(base + channel.pagePath());
        feed.setUri(base + channel.feedPath());
        feed.setLinks(List.of(link("alternate", "text/html", base + channel.pagePath()),
                link("self", format.mediaType, base + channel.feedPath())));
        feed.setPublishedDate(Date.from(updated));
        feed.setGenerator(site.name());
        feed.setEntries(entries);
        try {
            return new SyndFeedOutput().outputString(feed, true);
        }
        catch (FeedException ex) {
            throw new IllegalStateException("Feed could not be written: " + channel.feedPath(), ex);
        }
    }

    private static SyndEntry entry(FeedArticle article, SiteSettings site, boolean fullContent) {
        String base = site.baseUrl();
        SyndEntry entry = new SyndEntryImpl();
        entry.setTitle(article.title());
        entry.setLink(base + "/articles/" + article.slug());
        // Stable across slug changes, so readers never see a renamed article twice.
        entry.setUri("tag:" + host(base) + ",2026:article:" + article.id());
        entry.setPublishedDate(Date.from(article.publishedAt()));
        entry.setUpdatedDate(Date.from(article.updatedAt()));
        if (article.authors().isEmpty()) {
            entry.setAuthors(List.of(person(new FeedArticle.Link(site.name(), ""), base)));
        }
        else {
            entry.setAuthors(article.authors().stream().map(author -> person(author, base)).toList());
        }
        List<SyndCategory> categories = new ArrayList<>();
        categories.add(category(article.category().name(), base + "/category/" + article.category().slug()));
        article.tags().forEach(tag -> categories.add(category(tag.name(), base + "/tag/" + tag.slug())));
        entry.setCategories(categories);
        if (!article.summary().isBlank()) {
            entry.setDescription(content("text", article.summary()));
        }
        if (fullContent) {
            entry.setContents(List.of(content("html", article.bodyHtml())));
        }
        return entry;
    }

    private static SyndLink link(String rel, String type, String href) {
        SyndLink link = new SyndLinkImpl();
        link.setRel(rel);
        link.setType(type);
        link.setHref(href);
        return link;
    }

    private static SyndPerson person(FeedArticle.Link author, String base) {
        SyndPerson person = new SyndPersonImpl();
        person.setName(author.name());
        person.setUri(author.slug().isEmpty() ? base + "/" : base + "/author/" + author.slug());
        return person;
    }

    private static SyndCategory category(String name, String uri) {
        SyndCategory category = new SyndCategoryImpl();
        category.setName(name);
        category.setTaxonomyUri(uri);
        return category;
    }

    private static SyndContent content(String type, String value) {
        SyndContent content = new SyndContentImpl();
        content.setType(type);
        content.setValue(value);
        return content;
    }

    private static String host(String baseUrl) {
        String host = URI.create(baseUrl).getHost();
        return host == null ? "localhost" : host;
    }
}
