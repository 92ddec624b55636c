package com.newsroom.article;

import java.util.List;

import com.newsroom.article.ArticleCard.Ref;

/** The front page: a lead story, the latest news and a short section per category. */
public record HomePage(ArticleCard lead, List<ArticleCard> latest, boolean moreLatest, List<Section> sections) {

    public record Section(Ref category, List<ArticleCard> articles) {
    }
}
