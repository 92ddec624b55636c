package com.newsroom.search;

import com.newsroom.article.ArticleCard;

/**
 * One search result: the article's card, and its title and a passage with the matching words marked.
 * {@code titleHtml} and {@code snippetHtml} are escaped HTML whose only markup is {@code <mark>}.
 */
public record SearchHit(ArticleCard article, String titleHtml, String snippetHtml) {
}
