package com.newsroom.cache;

import java.util.Set;

import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

/**
 * Gives templates {@code #slots.marker(name, argument)}, the {@link PageSlot} marker to write unescaped where a
 * per-response value goes: {@code <th:block th:utext="${#slots.marker('comment-token', article.id)}"/>}. On a page
 * rendered for one response only ({@link PageSlots#fillAtOnce}) it writes the slot's value itself, so the page need
 * not be searched for markers afterwards.
 */
class PageSlotDialect extends AbstractDialect implements IExpressionObjectDialect {

    private static final Markers MARKERS = new Markers();

    PageSlotDialect() {
        super("page-slots");
    }

    @Override
    public IExpressionObjectFactory getExpressionObjectFactory() {
        return new IExpressionObjectFactory() {
            @Override
            public Set<String> getAllExpressionObjectNames() {
                return Set.of("slots");
            }

            @Override
            public Object buildObject(IExpressionContext context, String name) {
                return MARKERS;
            }

            @Override
            public boolean isCacheable(String name) {
                return true;
            }
        };
    }

    /** What {@code #slots} offers templates. */
    public static final class Markers {

        public String marker(String name, Object argument) {
            return PageSlots.markerOrValue(name, argument);
        }
    }
}
