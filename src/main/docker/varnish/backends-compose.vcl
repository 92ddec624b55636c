# newsroom-backends.vcl for docker-compose: the `app` service behind a round-robin director. A backend
# names one address: for more instances, add a service (app2, ...) and a backend for each, as below.

backend app {
    .host = "app";
    .port = "8080";
    .connect_timeout = 2s;
    .first_byte_timeout = 30s;
    .probe = {
        .url = "/readyz";
        .interval = 2s;
        .timeout = 2s;
        .window = 3;
        .threshold = 2;
        .initial = 2;
    }
}

# Purges are accepted from the app's addresses only (parenthesised: ignored if the name cannot be resolved).
acl purgers {
    "127.0.0.1";
    ("app");
}

sub vcl_init {
    new cluster = directors.round_robin();
    cluster.add_backend(app);
}
