package com.newsroom.author;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A member of staff as readers see them: the name on a byline and an author page. */
@Entity
@Table(name = "staff")
public class Author {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String displayName;

    private String slug;

    private String bio = "";

    private String avatarUrl;

    @Column(insertable = false, updatable = false)
    private Instant createdAt;

    protected Author() {
    }

    public Author(String displayName, String slug, String bio) {
        this.displayName = displayName;
        this.slug = slug;
        this.bio = bio == null ? "" : bio;
    }

    /** The profile as its owner edits it; only {@link StaffProfiles} changes it. */
    void describe(String displayName, String bio, String avatarUrl) {
        this.displayName = displayName;
        this.bio = bio;
        this.avatarUrl = avatarUrl;
    }

    public Long getId() {
        return id;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getSlug() {
        return slug;
    }

    public String getBio() {
        return bio;
    }

    public String getAvatarUrl() {
        return avatarUrl;
    }
}
