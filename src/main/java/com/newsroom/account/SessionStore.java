package com.newsroom.account;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * Staff sessions in PostgreSQL (Spring Session JDBC, tables of V10), shared by every instance.
 * <p>
 * Each request loads the session, and saves only what it changed: an attribute it added is inserted. Two
 * requests on one session at once (two tabs saving, a form posted while another page loads) may both add the
 * same attribute, the flash message of a redirect say; the second insert then broke the primary key and its
 * request answered 500. PostgreSQL's upsert, as Spring Session ships it, lets the later request's value win.
 */
@Configuration(proxyBeanMethods = false)
class SessionStore {

    @Bean
    PostgreSqlJdbcIndexedSessionRepositoryCustomizer sessionAttributesUpserted() {
        return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
    }
}
