package com.newsroom.article;

import java.util.List;
import java.util.stream.Stream;

import com.newsroom.article.ArticleCard.Ref;

/** The front page: a lead story, the latest news and a short section per category. */
public record HomePage(ArticleCard lead, List<ArticleCard> latest, boolean moreLatest, List<Section> sections) {

    /** Every card on the page. */
    public Stream<ArticleCard> cards() {
        return Stream.of(Stream.ofNullable(lead), latest.stream(),
                sections.stream().flatMap(section -> section.articles().stream())).flatMap(cards -> cards);
    }

    public record Section(Ref category, List<ArticleCard> articles) {
    }
}
