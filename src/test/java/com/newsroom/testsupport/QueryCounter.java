package com.newsroom.testsupport;

import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestComponent;

/**
 * Counts every SQL statement the application sends, JPA and plain JDBC alike, so tests can hold pages to a
 * fixed number of queries however much content there is (no N+1).
 */
@TestComponent
public class QueryCounter implements BeanPostProcessor {

    private final AtomicInteger statements = new AtomicInteger();

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && !(bean instanceof net.ttddyy.dsproxy.support.ProxyDataSource)) {
            return ProxyDataSourceBuilder.create(dataSource)
                    .name("counted")
                    .afterQuery((execution, queries) -> {
                        statements.addAndGet(queries.size());
                        if (Boolean.getBoolean("newsroom.test.printQueries")) {
                            queries.forEach(q -> System.out.println("SQL> " + q.getQuery().replaceAll("\\s+", " ")));
                        }
                    })
                    .build();
        }
        return bean;
    }

    public void reset() {
        statements.set(0);
    }

    public int count() {
        return statements.get();
    }
}
