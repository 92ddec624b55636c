package com.newsroom.cache;

import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * A name unique to this running instance, sent to PostgreSQL as the connections' application_name: the
 * database triggers put it into each change notification (V40), and pg_stat_activity shows which instance
 * holds which connection. Names every connection of the application's pool, before the pool opens its first.
 */
record InstanceName(String value) implements BeanPostProcessor {

    private static final Logger log = LoggerFactory.getLogger(InstanceName.class);

    static InstanceName random() {
        return new InstanceName("newsroom-" + UUID.randomUUID().toString().substring(0, 13));
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool) {
            pool.addDataSourceProperty("ApplicationName", value);
        }
        else if (bean instanceof DataSource) {
            log.warn("DataSource {} is not a Hikari pool: its connections carry no instance name", beanName);
        }
        return bean;
    }
}
