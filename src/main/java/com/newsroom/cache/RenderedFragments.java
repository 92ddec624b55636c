package com.newsroom.cache;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.context.IWebContext;
import org.thymeleaf.dialect.AbstractProcessorDialect;
import org.thymeleaf.engine.AttributeName;
import org.thymeleaf.engine.TemplateManager;
import org.thymeleaf.engine.TemplateModel;
import org.thymeleaf.model.IModel;
import org.thymeleaf.model.IModelFactory;
import org.thymeleaf.model.IProcessableElementTag;
import org.thymeleaf.processor.IProcessor;
import org.thymeleaf.processor.element.AbstractAttributeModelProcessor;
import org.thymeleaf.processor.element.IElementModelStructureHandler;
import org.thymeleaf.standard.StandardDialect;
import org.thymeleaf.standard.expression.ExpressionSequenceUtils;
import org.thymeleaf.standard.expression.IStandardExpression;
import org.thymeleaf.standard.processor.StandardWithTagProcessor;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.web.IWebExchange;

/**
 * Parts of a page rendered once and reused: {@code <article nr:cache="${card}, ${headingLevel}">} renders the element
 * the first time those values come, keeps its HTML, and writes the kept HTML whenever the same values come again,
 * on any page. The values are the content the element shows (view records compared by value, never entities), so
 * an edit, a new comment count or a renamed section makes different values and a fresh render: nothing has to be
 * invalidated, and an outdated part is never shown; parts no longer asked for age out of the bounded cache.
 * <p>
 * The values must name everything the element reads (variables from outside it included); the element's place in
 * its template and the locale are added to them. Nothing per reader or per response may be inside a kept element
 * (the comment form and its token stay outside).
 */
class RenderedFragments extends AbstractProcessorDialect {

    static final String PREFIX = "nr";

    /**
     * Ordered among the standard attributes: after iteration, conditions and local variables (th:each, th:if,
     * th:with: the values may name what they define, and each iteration is kept on its own), before everything that
     * writes content (th:attr, th:text, ...), which then runs inside the kept rendering. Fragment inclusion
     * (th:insert, th:replace) runs earlier still: put the attribute on the fragment, not on the element it replaces.
     */
    private static final int PRECEDENCE = StandardWithTagProcessor.PRECEDENCE + 50;

    /** The kept HTML goes out through th:utext: written as is, never processed again as template text. */
    private static final String KEPT_HTML = "renderedFragmentHtml";

    /**
     * Characters of HTML kept (up to twice as many bytes: a part with one character beyond Latin-1 is kept in
     * UTF-16): a small share of a 176 MB heap, and still thousands of cards and whole articles.
     */
    private static final long MAX_CHARS_HELD = 8_000_000;

    /**
     * From this size a part written into a page rendered for one response is also kept compressed (see
     * {@link PersonalPageCompression}): the head, the article, its comments, a whole listing. Cards and single
     * comments are smaller, and a segment of their own would compress worse than they do within the page.
     */
    static final int COMPRESSED_FROM_CHARS = 2048;

    /** Request attribute: the large parts written into the page under way ({@link Written}). */
    private static final String WRITTEN = RenderedFragments.class.getName() + ".written";

    private final Cache<Key, Kept> rendered = Caffeine.newBuilder()
            .maximumWeight(MAX_CHARS_HELD)
            .weigher((Key key, Kept kept) -> kept.weight())
            .build();

    RenderedFragments() {
        super("rendered-fragments", PREFIX, StandardDialect.PROCESSOR_PRECEDENCE);
    }

    @Override
    public Set<IProcessor> getProcessors(String dialectPrefix) {
        return Set.of(new KeepProcessor(dialectPrefix));
    }

    /**
     * The large parts written into the page rendered for this request, in the order they were written, each with
     * its bytes and its deflate segment (compressed at zlib's default level the first time a page needs it, then
     * kept with the part). Empty where the request wrote none.
     */
    List<DeflatedPart> deflatedParts(HttpServletRequest request) {
        if (!(request.getAttribute(WRITTEN) instanceof Written written)) {
            return List.of();
        }
        List<DeflatedPart> parts = new ArrayList<>(written.parts.size());
        for (Map.Entry<Key, Kept> part : written.parts) {
            Kept kept = part.getValue();
            DeflatedPart deflated = kept.deflated;
            if (deflated == null) {
                byte[] html = kept.html.getBytes(StandardCharsets.UTF_8);
                deflated = new DeflatedPart(html, Gzip.STORED.segment(html));
                kept.deflated = deflated;
                // Weighed again with its bytes, if it is still kept (never brought back once evicted).
                rendered.asMap().replace(part.getKey(), kept, kept);
            }
            parts.add(deflated);
        }
        return parts;
    }

    /** A kept part's HTML, and for a large part written into a personal page, its bytes and deflate segment. */
    private static final class Kept {

        final String html;

        volatile DeflatedPart deflated;

        Kept(String html) {
            this.html = html;
        }

        int weight() {
            DeflatedPart bytes = deflated;
            return html.length() + (bytes == null ? 0 : bytes.plain().length + bytes.deflated().length);
        }
    }

    /**
     * What one request wrote: the large parts at the top level of its page (a part rendered inside another is part of
     * that one's HTML), and how deep in a first rendering processing is.
     */
    private static final class Written {

        final List<Map.Entry<Key, Kept>> parts = new ArrayList<>(8);

        int rendering;

        static Written of(ITemplateContext context) {
            if (!(context instanceof IWebContext web)) {
                return null;
            }
            IWebExchange exchange = web.getExchange();
            if (exchange.getAttributeValue(WRITTEN) instanceof Written written) {
                return written;
            }
            Written written = new Written();
            exchange.setAttributeValue(WRITTEN, written);
            return written;
        }
    }

    /** Which element (its template, place and value expressions), for which locale, showing which values. */
    private record Key(String template, int line, int col, String expressions, Locale locale, List<Object> values) {
    }

    private final class KeepProcessor extends AbstractAttributeModelProcessor {

        KeepProcessor(String prefix) {
            super(TemplateMode.HTML, prefix, null, false, "cache", true, PRECEDENCE, true);
        }

        @Override
        protected void doProcess(ITemplateContext context, IModel model, AttributeName attributeName,
                String attributeValue, IElementModelStructureHandler structureHandler) {
            IProcessableElementTag element = (IProcessableElementTag) model.get(0);
            Key key = new Key(element.getTemplateName(), element.getLine(), element.getCol(), attributeValue,
                    context.getLocale(), values(context, attributeValue));
            Written written = Written.of(context);
            Kept kept = rendered.getIfPresent(key);
            if (kept == null) {
                if (written != null) {
                    written.rendering++;
                }
                try {
                    kept = new Kept(render(context, model, attributeName));
                }
                finally {
                    if (written != null) {
                        written.rendering--;
                    }
                }
                rendered.put(key, kept);
            }
            if (written != null && written.rendering == 0 && kept.html.length() >= COMPRESSED_FROM_CHARS) {
                written.parts.add(Map.entry(key, kept));
            }
            IModelFactory factory = context.getModelFactory();
            model.reset();
            model.add(factory.createOpenElementTag("th:block", "th:utext", "${" + KEPT_HTML + "}"));
            model.add(factory.createCloseElementTag("th:block"));
            structureHandler.setLocalVariable(KEPT_HTML, kept.html);
        }

        private static List<Object> values(ITemplateContext context, String attributeValue) {
            List<IStandardExpression> expressions = ExpressionSequenceUtils
                    .parseExpressionSequence(context, attributeValue).getExpressions();
            List<Object> values = new ArrayList<>(expressions.size());
            for (IStandardExpression expression : expressions) {
                values.add(expression.execute(context));
            }
            return values;
        }

        /**
         * Renders the element (without this attribute) as a template of its own, inside the current template's
         * context, so it sees the same variables, and returns its HTML.
         */
        private static String render(ITemplateContext context, IModel model, AttributeName attributeName) {
            IModel element = model.cloneModel();
            IProcessableElementTag first = (IProcessableElementTag) element.get(0);
            element.replace(0, context.getModelFactory().removeAttribute(first, attributeName));
            StringWriter source = new StringWriter();
            StringWriter html = new StringWriter(4096);
            try {
                element.write(source);
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
            TemplateManager templates = context.getConfiguration().getTemplateManager();
            TemplateModel template = templates.parseString(context.getTemplateData(), source.toString(),
                    first.getLine(), first.getCol(), context.getTemplateMode(), true);
            templates.process(template, context, html);
            return html.toString();
        }
    }
}
