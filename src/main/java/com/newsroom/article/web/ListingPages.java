package com.newsroom.article.web;

import org.springframework.ui.Model;

import com.newsroom.article.ArticleCard;
import com.newsroom.cache.PageKeys;
import com.newsroom.web.NotFoundException;
import com.newsroom.web.paging.Listing;

final class ListingPages {

    private ListingPages() {
    }

    /** Shows a listing page; a page past the end is not found, but an empty first page is shown as such. */
    static String render(Model model, Listing<ArticleCard> listing, ListingHeading heading, String listingKey) {
        if (listing.isEmpty() && listing.number() > 1) {
            throw new NotFoundException();
        }
        // Cards show titles and comment counts: the page goes when its list or any of its articles changes.
        PageKeys.add(listingKey);
        PageKeys.add(listing.items().stream().map(card -> PageKeys.article(card.id())).toList());
        model.addAttribute("listing", listing);
        model.addAttribute("heading", heading);
        return "article/listing";
    }
}
