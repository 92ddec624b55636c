package com.newsroom.account;

import java.util.Collection;
import java.util.Set;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * The signed-in member of staff. Kept in the (PostgreSQL-stored) session, so it holds ids and names only.
 */
public class StaffUser extends User {

    private static final long serialVersionUID = 1L;

    private final long accountId;

    private final long staffId;

    private final String displayName;

    StaffUser(long accountId, long staffId, String username, String displayName, String password, boolean enabled,
            Collection<? extends GrantedAuthority> authorities) {
        super(username, password, enabled, true, true, true, authorities);
        this.accountId = accountId;
        this.staffId = staffId;
        this.displayName = displayName;
    }

    public long getAccountId() {
        return accountId;
    }

    public long getStaffId() {
        return staffId;
    }

    public String getDisplayName() {
        return displayName;
    }

    /** Whether this person holds the role, directly or through a higher one. */
    public boolean has(Role role) {
        Set<Role> implied = switch (role) {
            case ADMIN -> Set.of(Role.ADMIN);
            case EDITOR -> Set.of(Role.ADMIN, Role.EDITOR);
            case AUTHOR -> Set.of(Role.ADMIN, Role.EDITOR, Role.AUTHOR);
            case MODERATOR -> Set.of(Role.ADMIN, Role.EDITOR, Role.MODERATOR);
        };
        return getAuthorities().stream().anyMatch(a -> implied.stream().anyMatch(r -> r.authority().equals(a.getAuthority())));
    }
}
