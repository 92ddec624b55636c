package com.newsroom.testsupport;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.TestPropertySource;

/**
 * {@link IntegrationTest} with the settings of production where they change what readers and bots get:
 * the page cache on, and comments that never close (the default). Every class using it shares a second
 * application context. Tests here call {@link TestContent#settle()} after writing content and before
 * reading pages, so a change notification never empties the cache in the middle of a test.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@IntegrationTest
// Inlined @TestPropertySource properties take precedence over those of @SpringBootTest.
@TestPropertySource(properties = { IntegrationTest.PAGE_CACHE + "=true", "newsroom.comments.close-after-days=0" })
public @interface ProductionCacheIntegrationTest {
}
