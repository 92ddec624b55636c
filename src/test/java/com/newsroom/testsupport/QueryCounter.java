package com.newsroom.testsupport;

import java.sql.Connection;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestComponent;

/**
 * Counts every SQL statement the application sends, JPA and plain JDBC alike, so tests can hold pages to a
 * fixed number of queries however much content there is (no N+1), and the transactions begun (a connection
 * switched out of auto-commit), each a round trip at either end. The statements themselves are kept until the next
 * {@link #reset()}, for tests that a page does not read something.
 */
@TestComponent
public class QueryCounter implements BeanPostProcessor {

    private final AtomicInteger statements = new AtomicInteger();

    private final AtomicInteger transactions = new AtomicInteger();

    private final Queue<String> sent = new ConcurrentLinkedQueue<>();

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && !(bean instanceof net.ttddyy.dsproxy.support.ProxyDataSource)) {
            return ProxyDataSourceBuilder.create(dataSource)
                    .name("counted")
                    .afterQuery((execution, queries) -> {
                        statements.addAndGet(queries.size());
                        queries.forEach(q -> sent.add(q.getQuery()));
                        if (Boolean.getBoolean("newsroom.test.printQueries")) {
                            queries.forEach(q -> System.out.println("SQL> " + q.getQuery().replaceAll("\\s+", " ")));
                        }
                    })
                    .afterMethod(call -> {
                        if (call.getTarget() instanceof Connection && call.getMethod().getName().equals("setAutoCommit")
                                && Boolean.FALSE.equals(call.getMethodArgs()[0])) {
                            transactions.incrementAndGet();
                        }
                    })
                    .build();
        }
        return bean;
    }

    public void reset() {
        statements.set(0);
        transactions.set(0);
        sent.clear();
    }

    public int count() {
        return statements.get();
    }

    public int transactions() {
        return transactions.get();
    }

    /** The statements sent since the last {@link #reset()}, as written. */
    public List<String> statements() {
        return List.copyOf(sent);
    }
}
