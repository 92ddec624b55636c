vcl 4.1;
# Varnish in front of Newsroom (Varnish 7 with xkey from varnish-modules).
#
# - Public pages are cached by URL and encoding, for as long as the app's s-maxage says, and purged by the
#   app by surrogate key (its Surrogate-Key header) the moment a change commits: PURGE with an
#   `xkey-softpurge` (or `xkey`) header of space-separated keys, accepted only from the app's addresses.
# - Staff and readers with a session (the SESSION cookie) or a comment's thanks to see once (COMMENT_NOTICE),
#   /admin, /login, the actuator and every non-GET request go straight to the app, cookies and all; every other
#   request reaches the cache with no cookie at all, and a response that sets a cookie is never stored.
# - X-Cache says HIT, MISS or PASS.
# - Per-response parts of a page (cache.PageSlot), under /slots/, are never cached. Cacheable requests announce
#   `Surrogate-Capability: varnish="ESI/1.0"`: the page then comes with an <esi:include> of such a part, which
#   Varnish fetches for every response (and `Surrogate-Control: content="ESI/1.0"` to say so), or with a
#   placeholder that the page's script fills from /slots/ when needed. The comment form's one-time token is
#   such a placeholder, fetched only once a reader starts writing: a view of a kept article costs no request.
# - Grace: when every instance fails its readiness probe (no PostgreSQL, or no process), the last good pages
#   are served for up to 6 hours; while any instance is ready, a purged or expired page is fetched afresh.
#
# The backends, the director `cluster` and the ACL `purgers` come from newsroom-backends.vcl, which differs
# per deployment (docker-compose: backends-compose.vcl; the project's scripts write their own).

import std;
import directors;
import xkey;

include "newsroom-backends.vcl";

sub vcl_recv {
    set req.backend_hint = cluster.backend();

    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        if (req.http.xkey-softpurge) {
            set req.http.n-gone = xkey.softpurge(req.http.xkey-softpurge);
        } elsif (req.http.xkey) {
            set req.http.n-gone = xkey.purge(req.http.xkey);
        } else {
            return (synth(400, "PURGE needs an xkey or xkey-softpurge header"));
        }
        return (synth(200, "Invalidated " + req.http.n-gone + " objects"));
    }

    # Varnish is the way in: what clients claim about the original request must not reach the app, where a
    # cached page could carry it to every reader. X-Forwarded-Proto stays (a TLS terminator in front sets
    # it) and is part of the cache key; X-Forwarded-For is the client as Varnish sees it.
    unset req.http.Surrogate-Capability;
    unset req.http.X-Forwarded-Host;
    unset req.http.X-Forwarded-Port;
    unset req.http.X-Forwarded-Prefix;
    unset req.http.Forwarded;
    set req.http.X-Forwarded-For = client.ip;
    if (req.http.X-Forwarded-Proto != "https") {
        unset req.http.X-Forwarded-Proto;
    }

    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # The per-response parts of a cached page, fetched by an include or by the page's script: never cached.
    if (req.esi_level > 0 || req.url ~ "^/slots/") {
        unset req.http.Cookie;
        return (pass);
    }
    if (req.url ~ "^/(admin|login|logout|actuator|account|profile|error)(/|\?|$)") {
        return (pass);
    }
    # A session belongs to one person (staff, or a reader with a held comment), as does the thanks for a comment
    # just sent: their pages are their own.
    if (req.http.Cookie ~ "(^|;\s*)(SESSION|JSESSIONID|COMMENT_NOTICE)=" || req.http.Authorization) {
        return (pass);
    }
    unset req.http.Cookie;
    set req.http.Surrogate-Capability = {"varnish="ESI/1.0""};

    # One copy per encoding: gzip for every client that takes it, identity for the rest.
    if (req.http.Accept-Encoding ~ "gzip") {
        set req.http.Accept-Encoding = "gzip";
    } else {
        unset req.http.Accept-Encoding;
    }

    # While any instance is ready, never serve an expired (or soft-purged) page: fetch it. Only when none is
    # ready do the kept pages stand in (their grace is set below).
    if (std.healthy(req.backend_hint)) {
        set req.grace = 0s;
    }
    return (hash);
}

sub vcl_hash {
    hash_data(req.url);
    if (req.http.host) {
        hash_data(req.http.host);
    } else {
        hash_data(server.ip);
    }
    hash_data(req.http.Accept-Encoding);
    hash_data(req.http.X-Forwarded-Proto);
    return (lookup);
}

sub vcl_backend_response {
    # The app's surrogate keys index the object for xkey purges.
    if (beresp.http.Surrogate-Key) {
        set beresp.http.xkey = beresp.http.Surrogate-Key;
    }
    if (beresp.http.Surrogate-Control ~ "ESI/1.0") {
        unset beresp.http.Surrogate-Control;
        set beresp.do_esi = true;
    }
    set beresp.grace = 6h;
    # Server errors are not cached; during grace the last good page is served instead.
    if (beresp.status >= 500 && bereq.is_bgfetch) {
        return (abandon);
    }
    # Everything else as Varnish's built-in rules say: s-maxage / max-age set the time to live; responses
    # with Set-Cookie, Cache-Control private or no-store are never stored.
}

sub vcl_deliver {
    if (obj.uncacheable) {
        set resp.http.X-Cache = "PASS";
    } elsif (obj.hits > 0) {
        set resp.http.X-Cache = "HIT";
    } else {
        set resp.http.X-Cache = "MISS";
    }
    unset resp.http.xkey;
    unset resp.http.Surrogate-Key;
    unset resp.http.Via;
    unset resp.http.X-Varnish;
}
