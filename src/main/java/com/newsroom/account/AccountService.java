package com.newsroom.account;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.newsroom.audit.AuditLog;
import com.newsroom.author.StaffProfiles;
import com.newsroom.web.NotFoundException;
import com.newsroom.web.RuleViolation;

/** Creates and manages staff accounts. Passwords are only ever stored as hashes. */
@Service
@Transactional
public class AccountService {

    public static final int MIN_PASSWORD_LENGTH = 12;

    /** BCrypt reads at most this many bytes (and refuses to hash more): no longer password is ever set. */
    public static final int MAX_PASSWORD_BYTES = 72;

    /** A staff member and their sign-in, as listings show them. */
    public record StaffSummary(long accountId, long staffId, String displayName, String username, String email,
            Set<Role> roles, boolean enabled) {
    }

    private final Accounts accounts;

    private final JdbcClient jdbc;

    private final PasswordEncoder passwords;

    private final AuditLog audit;

    private final Clock clock;

    private final StaffProfiles profiles;

    AccountService(Accounts accounts, JdbcClient jdbc, PasswordEncoder passwords, AuditLog audit, Clock clock,
            StaffProfiles profiles) {
        this.accounts = accounts;
        this.profiles = profiles;
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.audit = audit;
        this.clock = clock;
    }

    /** Creates a member of staff (their byline profile) with a sign-in. */
    public Account create(String displayName, String username, String email, String password, Set<Role> roles,
            AuditLog.Actor actor) {
        String name = username.strip().toLowerCase(Locale.ROOT);
        String mail = email.strip();
        if (accounts.existsByUsernameIgnoreCase(name)) {
            throw new RuleViolation("username", "admin.staff.usernameTaken");
        }
        if (accounts.existsByEmailIgnoreCase(mail)) {
            throw new RuleViolation("email", "admin.staff.emailTaken");
        }
        checkPassword("password", password);
        long staffId = profiles.create(displayName);
        Account account = accounts.save(new Account(staffId, name, mail, passwords.encode(password),
                roles.isEmpty() ? EnumSet.of(Role.AUTHOR) : roles, clock.instant()));
        audit.record(actor, "staff.created", name, page(account), "roles " + describe(account.getRoles()));
        return account;
    }

    public void changeRoles(long accountId, Set<Role> roles, AuditLog.Actor actor) {
        Account account = accounts.findById(accountId).orElseThrow(NotFoundException::new);
        if (roles.isEmpty()) {
            throw new RuleViolation("roles", "admin.staff.rolesRequired");
        }
        Set<Role> before = EnumSet.copyOf(account.getRoles().isEmpty() ? EnumSet.noneOf(Role.class) : account.getRoles());
        if (before.contains(Role.ADMIN) && !roles.contains(Role.ADMIN) && isLastAdmin(account)) {
            throw new RuleViolation("roles", "admin.staff.lastAdmin");
        }
        account.changeRoles(roles, clock.instant());
        if (!before.equals(roles)) {
            // Open sessions carry the roles they signed in with: end them, so the new roles apply at once.
            endSessions(account, null);
            audit.record(actor, "staff.rolesChanged", account.getUsername(), page(account),
                    describe(before) + " → " + describe(roles));
        }
    }

    public void setEnabled(long accountId, boolean enabled, AuditLog.Actor actor) {
        Account account = accounts.findById(accountId).orElseThrow(NotFoundException::new);
        if (!enabled && account.getRoles().contains(Role.ADMIN) && isLastAdmin(account)) {
            throw new RuleViolation("enabled", "admin.staff.lastAdmin");
        }
        account.setEnabled(enabled, clock.instant());
        if (!enabled) {
            endSessions(account, null);
        }
        audit.record(actor, enabled ? "staff.enabled" : "staff.disabled", account.getUsername(), page(account), "");
    }

    public void resetPassword(long accountId, String newPassword, AuditLog.Actor actor) {
        Account account = accounts.findById(accountId).orElseThrow(NotFoundException::new);
        checkPassword("password", newPassword);
        account.changePassword(passwords.encode(newPassword), clock.instant());
        endSessions(account, null);
        audit.record(actor, "staff.passwordReset", account.getUsername(), page(account), "");
    }

    /**
     * The signed-in person changes their own password, proving they know the current one. Their other sessions
     * (another browser, a lost laptop) end; the one they are using, {@code currentSessionId}, stays.
     */
    public void changeOwnPassword(long accountId, String current, String newPassword, String currentSessionId) {
        Account account = accounts.findById(accountId).orElseThrow(NotFoundException::new);
        if (current == null || !passwords.matches(current, account.getPasswordHash())) {
            throw new RuleViolation("currentPassword", "admin.profile.wrongPassword");
        }
        checkPassword("newPassword", newPassword);
        account.changePassword(passwords.encode(newPassword), clock.instant());
        endSessions(account, currentSessionId);
    }

    /** Ends the account's signed-in sessions on every instance (they live in PostgreSQL), but for one kept. */
    private void endSessions(Account account, String keptSessionId) {
        jdbc.sql("delete from spring_session where principal_name = :name and session_id <> :kept")
                .param("name", account.getUsername()).param("kept", keptSessionId == null ? "" : keptSessionId)
                .update();
    }

    @Transactional(readOnly = true)
    public List<StaffSummary> staff() {
        return accounts.findAllByOrderByUsernameAsc().stream().map(this::summary).toList();
    }

    @Transactional(readOnly = true)
    public StaffSummary staffMember(long accountId) {
        return summary(accounts.findById(accountId).orElseThrow(NotFoundException::new));
    }

    @Transactional(readOnly = true)
    public boolean anyAdmin() {
        return accounts.anyEnabledAdmin();
    }

    private StaffSummary summary(Account account) {
        String name = profiles.find(account.getStaffId()).map(StaffProfiles.Profile::displayName).orElse("");
        return new StaffSummary(account.getId(), account.getStaffId(), name, account.getUsername(),
                account.getEmail(), EnumSet.copyOf(account.getRoles().isEmpty() ? EnumSet.noneOf(Role.class)
                        : account.getRoles()), account.isEnabled());
    }

    private boolean isLastAdmin(Account account) {
        return jdbc.sql("""
                select count(*) from accounts a join account_roles r on r.account_id = a.id
                where r.role = 'ADMIN' and a.enabled and a.id <> :id""")
                .param("id", account.getId()).query(Integer.class).single() == 0;
    }

    private static void checkPassword(String field, String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new RuleViolation(field, "admin.password.tooShort");
        }
        if (tooLong(password)) {
            throw new RuleViolation(field, "admin.password.tooLong");
        }
    }

    /** BCrypt reads only the first 72 bytes: a longer password would be refused by it (and half-ignored by others). */
    private static boolean tooLong(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES;
    }

    private static String describe(Set<Role> roles) {
        return roles.stream().sorted().map(Role::name).collect(Collectors.joining(", "));
    }

    /** Gives an existing staff profile (e.g. a demo byline) a sign-in; used by development data. */
    public Account createForExistingStaff(long staffId, String username, String email, String password,
            Set<Role> roles) {
        checkPassword("password", password);
        return accounts.save(new Account(staffId, username.toLowerCase(Locale.ROOT), email,
                passwords.encode(password), roles, clock.instant()));
    }

    /** The staff member's admin page, where the audit log links to. */
    private static String page(Account account) {
        return "/admin/staff/" + account.getId();
    }
}
