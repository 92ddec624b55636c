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
 * switched out of auto-commit), each a round trip at either end. The first {@link #KEPT} statements since the last
 * {@link #reset()} are kept as written, for tests that a page does not read something: every integration test context
 * has this counter, and most of their tests never reset it, so keeping all would hold every statement of the run.
 */
@TestComponent
public class QueryCounter implements BeanPostProcessor {

    static final int KEPT = 200;

    private final AtomicInteger statements = new AtomicInteger();

    private final AtomicInteger transactions = new AtomicInteger();

    private final Queue<String> sent = new ConcurrentLinkedQueue<>();

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && !(bean instanceof net.ttddyy.dsproxy.support.ProxyDataSource)) {
            return ProxyDataSourceBuilder.create(dataSource)
                    .name("counted")
                    .afterQuery((execution, queries) -> {
                        int before = statements.getAndAdd(queries.size());
                        queries.stream().limit(Math.max(0, KEPT - before)).forEach(q -> sent.add(q.getQuery()));
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

    /** The statements sent since the last {@link #reset()}, as written; refused when there were too many to keep. */
    public List<String> statements() {
        if (statements.get() > KEPT) {
            throw new IllegalStateException(statements.get() + " statements since the last reset; " + KEPT + " are kept");
        }
        return List.copyOf(sent);
    }
}
