package com.newsroom.category;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "categories")
public class Category {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private String name;

    private String slug;

    private String description = "";

    private int position;

    @Column(insertable = false, updatable = false)
    private Instant createdAt;

    protected Category() {
    }

    public Category(String name, String slug, String description, int position) {
        this.name = name;
        this.slug = slug;
        this.description = description == null ? "" : description;
        this.position = position;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getSlug() {
        return slug;
    }

    public String getDescription() {
        return description;
    }

    public int getPosition() {
        return position;
    }
}
