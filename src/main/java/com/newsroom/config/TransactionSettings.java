package com.newsroom.config;

import org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;

/**
 * Methods that read without a transaction ({@code Propagation.SUPPORTS}, so that a page opens no persistence
 * context) borrow a connection per statement. By default Spring would keep the first connection such a method uses
 * until it returns, and a JPA repository called inside it then begins its transaction on a second connection: under
 * load every request holds one connection while it waits for another, and the pool deadlocks until requests time
 * out (the bench's long tail ran at 7 pages a second, answering most with 503). Synchronizing only actual
 * transactions keeps each request to one connection at a time.
 */
@Configuration(proxyBeanMethods = false)
class TransactionSettings {

    @Bean
    TransactionManagerCustomizer<AbstractPlatformTransactionManager> oneConnectionAtATimeOutsideTransactions() {
        return manager -> manager.setTransactionSynchronization(
                AbstractPlatformTransactionManager.SYNCHRONIZATION_ON_ACTUAL_TRANSACTION);
    }
}
