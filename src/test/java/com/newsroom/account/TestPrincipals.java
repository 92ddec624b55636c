package com.newsroom.account;

import java.util.List;

import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** A signed-in member of staff for web slice tests, where no account exists in a database. */
public final class TestPrincipals {

    private TestPrincipals() {
    }

    public static StaffUser staff(long staffId, String displayName, Role role) {
        return new StaffUser(staffId, staffId, displayName.toLowerCase().replace(' ', '.'), displayName, "unused",
                true, List.of(new SimpleGrantedAuthority(role.authority())));
    }
}
