package com.newsroom.cache;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.persistence.EntityManagerFactory;

import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.engine.spi.SharedSessionContractImplementor;
import org.hibernate.engine.spi.TransactionCompletionCallbacks.AfterCompletionCallback;
import org.hibernate.engine.spi.TransactionCompletionCallbacks.BeforeCompletionCallback;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventSource;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.PostDeleteEvent;
import org.hibernate.event.spi.PostDeleteEventListener;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostInsertEventListener;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.event.spi.PostUpdateEventListener;
import org.hibernate.persister.entity.EntityPersister;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Read-your-writes on the instance that changes content through JPA: just before such a transaction commits,
 * reads the page keys its rows noted in the database (V40, 'newsroom.changed_pages') and drops those pages as
 * soon as it has committed, so the very next request here shows the change without waiting for the
 * notification. Writes the triggers find invisible to readers (spam, drafts, logins) note nothing.
 */
@Component
class CommittedHereInvalidator implements PostInsertEventListener, PostUpdateEventListener, PostDeleteEventListener,
        SmartInitializingSingleton {

    private final EntityManagerFactory entityManagerFactory;

    private final PageInvalidation invalidation;

    /** Sessions whose transaction wrote something, with the keys read before commit (empty until then). */
    private final Map<SharedSessionContractImplementor, String> watched = new ConcurrentHashMap<>();

    CommittedHereInvalidator(EntityManagerFactory entityManagerFactory, PageInvalidation invalidation) {
        this.entityManagerFactory = entityManagerFactory;
        this.invalidation = invalidation;
    }

    @Override
    public void afterSingletonsInstantiated() {
        EventListenerRegistry registry = entityManagerFactory.unwrap(SessionFactoryImplementor.class)
                .getServiceRegistry().getService(EventListenerRegistry.class);
        registry.appendListeners(EventType.POST_INSERT, this);
        registry.appendListeners(EventType.POST_UPDATE, this);
        registry.appendListeners(EventType.POST_DELETE, this);
    }

    @Override
    public void onPostInsert(PostInsertEvent event) {
        watch(event.getSession());
    }

    @Override
    public void onPostUpdate(PostUpdateEvent event) {
        watch(event.getSession());
    }

    @Override
    public void onPostDelete(PostDeleteEvent event) {
        watch(event.getSession());
    }

    @Override
    public boolean requiresPostCommitHandling(EntityPersister persister) {
        return false;
    }

    private void watch(SharedSessionContractImplementor session) {
        if (!(session instanceof EventSource source) || watched.putIfAbsent(session, "") != null) {
            return;
        }
        source.getActionQueue().registerCallback((BeforeCompletionCallback) this::readNotedKeys);
        source.getActionQueue().registerCallback((AfterCompletionCallback) this::afterCompletion);
    }

    private void readNotedKeys(SharedSessionContractImplementor session) {
        String keys = ((EventSource) session).doReturningWork(connection -> {
                    try (PreparedStatement statement = connection
                            .prepareStatement("select current_setting('newsroom.changed_pages', true)");
                            ResultSet result = statement.executeQuery()) {
                        return result.next() && result.getString(1) != null ? result.getString(1) : "";
                    }
                });
        watched.put(session, keys);
    }

    private void afterCompletion(boolean committed, SharedSessionContractImplementor session) {
        String keys = watched.remove(session);
        if (committed && keys != null && !keys.isBlank()) {
            invalidation.committedHere(Set.copyOf(Arrays.asList(keys.strip().split("\\s+"))));
        }
    }
}
