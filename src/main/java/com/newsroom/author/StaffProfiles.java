package com.newsroom.author;

import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.newsroom.web.NotFoundException;
import com.newsroom.web.PlainText;
import com.newsroom.web.Slugs;

/**
 * The one writer of the {@code staff} table: a member of staff as readers see them (byline name, page address,
 * biography, picture). Sign-ins live in the account module, which calls this when it creates a member of staff
 * and when someone edits their own profile.
 */
@Service
@Transactional
public class StaffProfiles {

    /** What the profile form shows and edits. */
    public record Profile(String displayName, String bio, String avatarUrl) {
    }

    private final Authors authors;

    StaffProfiles(Authors authors) {
        this.authors = authors;
    }

    /** A new profile under {@code displayName}, at an address no one else has; answers its id. */
    public long create(String displayName) {
        String name = PlainText.line(displayName).strip();
        return authors.save(new Author(name, uniqueSlug(name), "")).getId();
    }

    @Transactional(readOnly = true)
    public Optional<Profile> find(long staffId) {
        return authors.findById(staffId).map(a -> new Profile(a.getDisplayName(), a.getBio(), a.getAvatarUrl()));
    }

    public void update(long staffId, String displayName, String bio, String avatarUrl) {
        Author author = authors.findById(staffId).orElseThrow(NotFoundException::new);
        author.describe(PlainText.line(displayName).strip(), bio == null ? "" : bio.strip(),
                avatarUrl == null || avatarUrl.isBlank() ? null : avatarUrl.strip());
    }

    private String uniqueSlug(String displayName) {
        String base = Slugs.from(displayName, 70);
        if (base.isEmpty()) {
            base = "staff";
        }
        String slug = base;
        for (int n = 2; authors.existsBySlug(slug); n++) {
            slug = base + "-" + n;
        }
        return slug;
    }
}
