package com.newsroom.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;

import com.newsroom.account.Account;
import com.newsroom.account.AccountService;
import com.newsroom.account.HttpSignIn;
import com.newsroom.account.Role;
import com.newsroom.account.StaffUser;
import com.newsroom.account.StaffUserDetailsService;

/**
 * Real staff accounts made through the account service, and requests made as them: MockMvc requests with the
 * principal loaded as sign-in would load it, or a signed-in conversation over real HTTP.
 */
@TestComponent
public class StaffLogins {

    private final AccountService accounts;

    private final StaffUserDetailsService users;

    private final TransactionTemplate transaction;

    private final SiteClient site;

    public StaffLogins(AccountService accounts, StaffUserDetailsService users, TransactionTemplate transaction,
            SiteClient site) {
        this.accounts = accounts;
        this.users = users;
        this.transaction = transaction;
        this.site = site;
    }

    /** A member of staff with one role; the user name is the display name in lower case, words joined by dots. */
    public Account create(String displayName, Role role) {
        return transaction.execute(status -> StaffFixtures.create(accounts, displayName, role));
    }

    public StaffUser principal(Account account) {
        return users.loadUserByUsername(account.getUsername());
    }

    public RequestPostProcessor as(Account account) {
        return user(principal(account));
    }

    /** A new member of staff, signed in through the sign-in form over real HTTP. */
    public HttpSignIn signedIn(String displayName, Role role) {
        Account account = create(displayName, role);
        HttpSignIn browser = new HttpSignIn(site);
        assertThat(browser.signInAs(account.getUsername(), StaffFixtures.PASSWORD)).isEqualTo(displayName);
        return browser;
    }
}
