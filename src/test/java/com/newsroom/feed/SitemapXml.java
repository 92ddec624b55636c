package com.newsroom.feed;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** Sitemap XML parsed back with a namespace-aware DOM parser. */
record SitemapXml(Document document) {

    static SitemapXml parse(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return new SitemapXml(factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml))));
    }

    String root() {
        return document.getDocumentElement().getNamespaceURI() + " " + document.getDocumentElement().getLocalName();
    }

    /** loc to lastmod (null where absent) of every url or sitemap entry, in document order. */
    Map<String, String> entries() {
        Map<String, String> entries = new LinkedHashMap<>();
        NodeList locs = document.getElementsByTagNameNS(Sitemaps.SITEMAP_NS, "loc");
        for (int i = 0; i < locs.getLength(); i++) {
            Element loc = (Element) locs.item(i);
            NodeList lastmod = ((Element) loc.getParentNode()).getElementsByTagNameNS(Sitemaps.SITEMAP_NS, "lastmod");
            entries.put(loc.getTextContent(), lastmod.getLength() == 0 ? null : lastmod.item(0).getTextContent());
        }
        return entries;
    }

    List<String> texts(String namespace, String name) {
        List<String> texts = new ArrayList<>();
        NodeList nodes = document.getElementsByTagNameNS(namespace, name);
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }
}
