package com.newsroom.admin;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.newsroom.account.Role;
import com.newsroom.testsupport.StaffFixtures;

/**
 * Every staff route once: who may use it, a valid request, and the page a valid request leads to. The role
 * matrix and the hostile-input suite both walk it, so a new route is one line here. Paths and fields name
 * fixtures in braces ({article}, {inReview}, {published}, {staged} (published, with a staged update in review),
 * {trashed}, {revision}, {category}, {tag}, {tag2}, {media},
 * {account},
 * {comment}, {version}, {n}), made fresh for every request by {@link StaffRouteFixtures}.
 */
public final class StaffRoutes {

    public static final Set<Role> EVERYONE = EnumSet.allOf(Role.class);

    public static final Set<Role> WRITERS = EnumSet.of(Role.ADMIN, Role.EDITOR, Role.AUTHOR);

    public static final Set<Role> MODERATORS = EnumSet.of(Role.ADMIN, Role.EDITOR, Role.MODERATOR);

    public static final Set<Role> EDITORS = EnumSet.of(Role.ADMIN, Role.EDITOR);

    public static final Set<Role> ADMINS = EnumSet.of(Role.ADMIN);

    /**
     * One route. {@code success}: for a POST, the address a valid request is redirected to ({@code *} stands
     * for a new id); for a GET, null (the page itself, 200). {@code upload}: sent as multipart with an image.
     */
    public record Route(String method, String path, Set<Role> allowed, Map<String, String> fields, String success,
            boolean upload) {

        public boolean post() {
            return method.equals("POST");
        }

        /** Whether the path names an article an author may own. */
        public boolean onAnArticle() {
            return path.contains("{article}") || path.contains("{published}") || path.contains("{inReview}")
                    || path.contains("{staged}");
        }

        public boolean isSuccess(String location, Map<String, String> fixtures) {
            String expected = StaffRoutes.fill(success, fixtures);
            return location != null && Pattern.compile(
                    "(https?://[^/]+)?" + Pattern.quote(expected).replace("*", "\\E\\d+\\Q")).matcher(location).matches();
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    private StaffRoutes() {
    }

    public static List<Route> all() {
        String future = LocalDateTime.now(ZoneOffset.UTC).plusDays(2).truncatedTo(ChronoUnit.MINUTES).toString();
        String edit = "/admin/articles/{article}/edit";
        String editPublished = "/admin/articles/{published}/edit";
        List<Route> routes = new ArrayList<>();
        get(routes, "/admin", EVERYONE);
        get(routes, "/admin/profile", EVERYONE);
        post(routes, "/admin/profile", EVERYONE, Map.of("displayName", "New name {n}", "bio", "Bio.",
                "avatarUrl", ""), "/admin/profile");
        post(routes, "/admin/profile/password", EVERYONE, Map.of("currentPassword", StaffFixtures.PASSWORD,
                "newPassword", StaffFixtures.PASSWORD), "/admin/profile");
        get(routes, "/admin/articles", WRITERS);
        get(routes, "/admin/articles/new", WRITERS);
        post(routes, "/admin/articles/new", WRITERS, articleForm(), "/admin/articles/*/edit");
        get(routes, edit, WRITERS);
        post(routes, edit, WRITERS, articleForm(), edit);
        post(routes, "/admin/articles/{article}/submit", WRITERS, Map.of(), edit);
        post(routes, "/admin/articles/new/autosave", WRITERS, typing(), "/admin/articles/new");
        post(routes, "/admin/articles/new/autosave/discard", WRITERS, Map.of(), "/admin/articles/new");
        post(routes, "/admin/articles/{article}/autosave", WRITERS, typing(), edit);
        post(routes, "/admin/articles/{article}/autosave/discard", WRITERS, Map.of(), edit);
        post(routes, "/admin/articles/{article}/lock", WRITERS, Map.of(), edit);
        get(routes, "/admin/articles/{article}/preview", WRITERS);
        get(routes, "/admin/articles/{article}/revisions", WRITERS);
        get(routes, "/admin/articles/{article}/revisions/{revision}", WRITERS);
        get(routes, "/admin/articles/{article}/compare?from={revision}&to={revision}", WRITERS);
        post(routes, "/admin/articles/{article}/revisions/{revision}/restore", WRITERS, Map.of(), edit);
        post(routes, "/admin/articles/{article}/publish", EDITORS, Map.of(), edit);
        post(routes, "/admin/articles/{article}/schedule", EDITORS, Map.of("scheduleAt", future), edit);
        post(routes, "/admin/articles/{published}/unpublish", EDITORS, Map.of(), editPublished);
        post(routes, "/admin/articles/{published}/archive", EDITORS, Map.of(), editPublished);
        post(routes, "/admin/articles/{published}/corrections", EDITORS, Map.of("note", "A fix."), editPublished);
        post(routes, "/admin/articles/{article}/delete", EDITORS, Map.of(), "/admin/articles");
        get(routes, "/admin/articles/trash", EDITORS);
        post(routes, "/admin/articles/{trashed}/untrash", EDITORS, Map.of(), "/admin/articles/{trashed}/edit");
        get(routes, "/admin/articles/{trashed}/purge", EDITORS);
        post(routes, "/admin/articles/{trashed}/purge", EDITORS, Map.of(), "/admin/articles/trash");
        post(routes, "/admin/articles/{published}/takedown", EDITORS, Map.of("unpublishAt", future), editPublished);
        get(routes, "/admin/articles/{article}/review", WRITERS);
        get(routes, "/admin/articles/{article}/live", EDITORS);
        post(routes, "/admin/articles/{article}/live/start", EDITORS, Map.of(), "/admin/articles/{article}/live");
        String desk = "/admin/articles/{liveArticle}/live";
        post(routes, desk + "/updates", EDITORS, Map.of("body", "Polls have closed."), desk + "#update-*");
        post(routes, desk + "/updates/{liveUpdate}", EDITORS, Map.of("body", "Polls closed at 22:00."),
                desk + "#update-{liveUpdate}");
        post(routes, desk + "/updates/{liveUpdate}/pin", EDITORS, Map.of("pinned", "true"),
                desk + "#update-{liveUpdate}");
        post(routes, desk + "/updates/{liveUpdate}/delete", EDITORS, Map.of(), desk);
        post(routes, desk + "/close", EDITORS, Map.of(), desk);
        String staged = "/admin/articles/{staged}/update";
        get(routes, staged, WRITERS);
        get(routes, staged + "/preview", WRITERS);
        post(routes, staged + "/submit", WRITERS, Map.of(), staged);
        post(routes, staged + "/return", EDITORS, Map.of("note", "Name the source."), staged);
        post(routes, staged + "/publish", EDITORS, Map.of("version", "0"), "/admin/articles/{staged}/edit");
        post(routes, staged + "/schedule", EDITORS, Map.of("version", "0", "publishAt", future), staged);
        post(routes, staged + "/unschedule", EDITORS, Map.of(), staged);
        get(routes, staged + "/discard", WRITERS);
        post(routes, staged + "/discard", WRITERS, Map.of(), "/admin/articles/{staged}/edit");
        post(routes, "/admin/articles/{inReview}/review/return", EDITORS, Map.of("note", "Needs a second source."),
                "/admin/articles/{inReview}/review");
        post(routes, "/admin/articles/{article}/review/notes", EDITORS, Map.of("note", "Check the figures."),
                "/admin/articles/{article}/review");
        get(routes, "/admin/categories", EDITORS);
        post(routes, "/admin/categories", EDITORS, Map.of("name", "Section {n}", "slug", "", "description", "About."),
                "/admin/categories");
        get(routes, "/admin/categories/{category}", EDITORS);
        post(routes, "/admin/categories/{category}", EDITORS, Map.of("name", "Renamed {n}", "slug", "renamed-{n}",
                "description", "About."), "/admin/categories/{category}");
        post(routes, "/admin/categories/{category}/move", EDITORS, Map.of("direction", "1"), "/admin/categories");
        post(routes, "/admin/categories/{category}/delete", EDITORS, Map.of(), "/admin/categories");
        get(routes, "/admin/tags", EDITORS);
        post(routes, "/admin/tags/{tag}/rename", EDITORS, Map.of("name", "Renamed tag {n}"), "/admin/tags");
        post(routes, "/admin/tags/{tag}/merge", EDITORS, Map.of("into", "{tag2}"), "/admin/tags");
        post(routes, "/admin/tags/{tag}/delete", EDITORS, Map.of(), "/admin/tags");
        get(routes, "/admin/media", EDITORS);
        routes.add(new Route("POST", "/admin/media", EDITORS, Map.of("altText", "A pixel"), "/admin/media", true));
        post(routes, "/admin/media/{media}", EDITORS, Map.of("altText", "New alt"), "/admin/media");
        get(routes, "/admin/comments", MODERATORS);
        get(routes, "/admin/comments/{comment}", MODERATORS);
        get(routes, "/admin/comments/blocklist", MODERATORS);
        post(routes, "/admin/comments/blocklist", MODERATORS, Map.of("words", "lottery", "hosts", "win.example"),
                "/admin/comments/blocklist");
        post(routes, "/admin/comments/bulk", MODERATORS, Map.of("ids", "{comment}", "action", "APPROVE"),
                "/admin/comments");
        post(routes, "/admin/comments/{comment}/decide", MODERATORS, Map.of("decision", "APPROVE"),
                "/admin/comments");
        post(routes, "/admin/comments/undo", MODERATORS, Map.of("undo", "{comment}:APPROVED:PENDING"),
                "/admin/comments");
        post(routes, "/admin/comments/{comment}/edit", MODERATORS, Map.of("body", "Edited text"),
                "/admin/comments/{comment}");
        post(routes, "/admin/comments/{comment}/reply", MODERATORS, Map.of("body", "A staff reply"),
                "/admin/comments/{comment}");
        get(routes, "/admin/comments/reported", MODERATORS);
        post(routes, "/admin/comments/reported/{comment}/keep", MODERATORS, Map.of(), "/admin/comments/reported");
        get(routes, "/admin/comments/blocks", MODERATORS);
        get(routes, "/admin/comments/{comment}/block", MODERATORS);
        post(routes, "/admin/comments/{comment}/block", MODERATORS, Map.of("reason", "Abuse {n}"),
                "/admin/comments/blocks");
        post(routes, "/admin/comments/blocks/{n}/lift", MODERATORS, Map.of(), "/admin/comments/blocks");
        get(routes, "/admin/settings", ADMINS);
        post(routes, "/admin/settings", ADMINS, settingsForm(), "/admin/settings");
        get(routes, "/admin/staff", ADMINS);
        post(routes, "/admin/staff", ADMINS, Map.of("displayName", "New Person {n}", "username", "new.person.{n}",
                "email", "new{n}@newsroom.test", "password", "a long enough password", "roles", "AUTHOR"),
                "/admin/staff");
        get(routes, "/admin/staff/{account}", ADMINS);
        post(routes, "/admin/staff/{account}/roles", ADMINS, Map.of("roles", "AUTHOR"), "/admin/staff/{account}");
        post(routes, "/admin/staff/{account}/enabled", ADMINS, Map.of("enabled", "true"), "/admin/staff/{account}");
        post(routes, "/admin/staff/{account}/password", ADMINS, Map.of("password", "another long password"),
                "/admin/staff/{account}");
        get(routes, "/admin/audit", ADMINS);
        get(routes, "/admin/mail", ADMINS);
        post(routes, "/admin/mail/{n}/retry", ADMINS, Map.of(), "/admin/mail");
        get(routes, "/admin/moderation/digest", MODERATORS);
        post(routes, "/admin/moderation/digest", MODERATORS, Map.of("subscribe", "true"), "/admin/moderation/digest");
        return routes;
    }

    private static Map<String, String> articleForm() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("title", "Route check {n}");
        form.put("bodyMarkdown", "Body.");
        form.put("categoryId", "{category}");
        form.put("version", "{version}");
        return form;
    }

    /** What the editor's script sends while someone types (a form that is not saved, only kept). */
    private static Map<String, String> typing() {
        return Map.of("title", "Typed {n}", "bodyMarkdown", "Typed, not saved.");
    }

    private static Map<String, String> settingsForm() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("name", "Newsroom");
        form.put("tagline", "Tagline");
        form.put("about", "About us.");
        form.put("socialLinks", "");
        form.put("commentsEnabled", "true");
        form.put("commentsCloseAfterDays", "30");
        form.put("commentPolicy", "");
        return form;
    }

    private static void get(List<Route> routes, String path, Set<Role> allowed) {
        routes.add(new Route("GET", path, allowed, Map.of(), null, false));
    }

    private static void post(List<Route> routes, String path, Set<Role> allowed, Map<String, String> fields,
            String success) {
        routes.add(new Route("POST", path, allowed, fields, success, false));
    }

    public static String fill(String text, Map<String, String> fixtures) {
        String result = text;
        for (var entry : fixtures.entrySet()) {
            result = result.replace(entry.getKey(), entry.getValue());
        }
        return result;
    }
}
