package com.newsroom.cache;

import jakarta.persistence.EntityManagerFactory;

import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.PostCommitDeleteEventListener;
import org.hibernate.event.spi.PostCommitInsertEventListener;
import org.hibernate.event.spi.PostCommitUpdateEventListener;
import org.hibernate.event.spi.PostDeleteEvent;
import org.hibernate.event.spi.PostInsertEvent;
import org.hibernate.event.spi.PostUpdateEvent;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.persister.entity.EntityPersister;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Empties this instance's page cache as soon as an entity change commits here, so the very next request
 * shows it; the database notification that follows reaches the other instances (and is harmless here).
 */
@Component
class EntityChangeInvalidator implements PostCommitInsertEventListener, PostCommitUpdateEventListener,
        PostCommitDeleteEventListener, SmartInitializingSingleton {

    private final EntityManagerFactory entityManagerFactory;

    private final PageCache cache;

    EntityChangeInvalidator(EntityManagerFactory entityManagerFactory, PageCache cache) {
        this.entityManagerFactory = entityManagerFactory;
        this.cache = cache;
    }

    @Override
    public void afterSingletonsInstantiated() {
        EventListenerRegistry registry = entityManagerFactory.unwrap(SessionFactoryImplementor.class)
                .getServiceRegistry().getService(EventListenerRegistry.class);
        registry.appendListeners(EventType.POST_COMMIT_INSERT, this);
        registry.appendListeners(EventType.POST_COMMIT_UPDATE, this);
        registry.appendListeners(EventType.POST_COMMIT_DELETE, this);
    }

    @Override
    public void onPostInsert(PostInsertEvent event) {
        cache.invalidateAll();
    }

    @Override
    public void onPostUpdate(PostUpdateEvent event) {
        cache.invalidateAll();
    }

    @Override
    public void onPostDelete(PostDeleteEvent event) {
        cache.invalidateAll();
    }

    @Override
    public void onPostInsertCommitFailed(PostInsertEvent event) {
    }

    @Override
    public void onPostUpdateCommitFailed(PostUpdateEvent event) {
    }

    @Override
    public void onPostDeleteCommitFailed(PostDeleteEvent event) {
    }

    @Override
    public boolean requiresPostCommitHandling(EntityPersister persister) {
        return true;
    }
}
