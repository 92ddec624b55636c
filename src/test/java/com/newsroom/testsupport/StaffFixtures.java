package com.newsroom.testsupport;

import com.newsroom.account.Account;
import com.newsroom.account.AccountService;
import com.newsroom.account.Role;

import java.util.EnumSet;
import java.util.Locale;

import com.newsroom.audit.AuditLog;

/** Creates staff with sign-ins through the real account service. */
public final class StaffFixtures {

    public static final String PASSWORD = "correct horse battery";

    private StaffFixtures() {
    }

    public static Account create(AccountService accounts, String displayName, Role role) {
        String username = displayName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", ".");
        return accounts.create(displayName, username, username + "@newsroom.test", PASSWORD, EnumSet.of(role),
                AuditLog.Actor.SYSTEM);
    }
}
