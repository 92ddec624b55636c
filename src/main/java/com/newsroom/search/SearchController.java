package com.newsroom.search;

import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import com.newsroom.cache.PageKeys;
import com.newsroom.category.Categories;
import com.newsroom.category.Category;
import com.newsroom.site.Navigation;
import com.newsroom.web.BadRequestException;
import com.newsroom.web.NotFoundException;
import com.newsroom.web.Slugs;

/**
 * The search page. An empty query shows the form; one too long is refused (400) on the same page, with the
 * form and what was typed; anything else is searched for, whatever characters it holds.
 */
@Controller
class SearchController {

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Cs}\\p{Co}]+");

    private static final Pattern SPACES = Pattern.compile("\\s+");

    private final ArticleSearch search;

    private final Categories categories;

    private final Navigation navigation;

    SearchController(ArticleSearch search, Categories categories, Navigation navigation) {
        this.search = search;
        this.categories = categories;
        this.navigation = navigation;
    }

    @GetMapping("/search")
    String search(@RequestParam(required = false) String q, @RequestParam(required = false) String category,
            @RequestParam(required = false) String page, Model model, HttpServletResponse response) {
        String query = normalize(q);
        int number = pageNumber(page);
        Category filter = category(category);
        PageKeys.add(PageKeys.SEARCH);
        model.addAttribute("query", query);
        model.addAttribute("category", filter == null ? "" : filter.getSlug());
        model.addAttribute("categories", navigation.categories());
        model.addAttribute("maxLength", ArticleSearch.MAX_QUERY_LENGTH);
        model.addAttribute("pageSize", ArticleSearch.PAGE_SIZE);
        if (query.isEmpty()) {
            model.addAttribute("problem", "empty");
            return "search/results";
        }
        if (query.codePointCount(0, query.length()) > ArticleSearch.MAX_QUERY_LENGTH) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("problem", "tooLong");
            return "search/results";
        }
        SearchResults results = search.search(query, filter == null ? null : filter.getId(),
                filter == null ? null : filter.getSlug(), number);
        if (results.isEmpty() && number > 1) {
            throw new NotFoundException();
        }
        model.addAttribute("results", results);
        model.addAttribute("previousUrl", results.hasPrevious() ? url(query, filter, number - 1) : null);
        model.addAttribute("nextUrl", results.hasNext() ? url(query, filter, number + 1) : null);
        return "search/results";
    }

    private static String url(String query, Category filter, int page) {
        var url = UriComponentsBuilder.fromPath("/search").queryParam("q", query);
        if (filter != null) {
            url.queryParam("category", filter.getSlug());
        }
        if (page > 1) {
            url.queryParam("page", page);
        }
        return url.encode().build().toUriString();
    }

    /** Control and formatting characters (a NUL would be refused by PostgreSQL) become spaces. */
    static String normalize(String raw) {
        if (raw == null) {
            return "";
        }
        return SPACES.matcher(CONTROL.matcher(raw).replaceAll(" ")).replaceAll(" ").strip();
    }

    private static int pageNumber(String page) {
        if (page == null || page.isBlank()) {
            return 1;
        }
        if (!page.matches("\\d{1,3}")) {
            throw new BadRequestException("Malformed page number");
        }
        int number = Integer.parseInt(page);
        if (number < 1 || number > ArticleSearch.MAX_PAGES) {
            throw new BadRequestException("Page number out of range");
        }
        return number;
    }

    private Category category(String slug) {
        if (slug == null || slug.isBlank()) {
            return null;
        }
        if (!Slugs.isValid(slug)) {
            throw new BadRequestException("Malformed section");
        }
        return categories.findBySlug(slug).orElseThrow(() -> new BadRequestException("Unknown section"));
    }
}
