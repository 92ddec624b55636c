package com.newsroom.testsupport;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.openqa.selenium.WebDriver;

/**
 * Hands a test (or its {@code @BeforeEach}) a freshly started headless chromium for every {@link WebDriver}
 * parameter, one browser each, and quits them all after the test, whatever happened. A test that needs two
 * people (a reader and a moderator) asks for two parameters.
 */
public class BrowserExtension implements ParameterResolver, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace
            .create(BrowserExtension.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == WebDriver.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        WebDriver browser = Browser.start();
        started(context).add(browser);
        return browser;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        RuntimeException failure = null;
        for (WebDriver browser : started(context)) {
            try {
                browser.quit();
            }
            catch (RuntimeException ex) {
                failure = ex;
            }
        }
        started(context).clear();
        if (failure != null) {
            throw failure;
        }
    }

    @SuppressWarnings("unchecked")
    private static List<WebDriver> started(ExtensionContext context) {
        return context.getStore(NAMESPACE).computeIfAbsent("browsers", key -> new ArrayList<WebDriver>(), List.class);
    }
}
