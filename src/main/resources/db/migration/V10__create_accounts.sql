-- Staff sign-in: credentials and roles for a member of staff (their byline profile stays in staff),
-- failed-login counters shared by every app instance, Spring Session's tables and the audit log.

create table accounts (
    id            bigint generated always as identity primary key,
    staff_id      bigint      not null unique references staff (id),
    username      text        not null check (username ~ '^[a-z0-9][a-z0-9._-]{2,39}$'),
    email         text        not null check (length(email) between 3 and 254 and email ~ '^[^@\s]+@[^@\s]+$'),
    password_hash text        not null,
    enabled       boolean     not null default true,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now(),
    version       bigint      not null default 0
);
create unique index accounts_username_idx on accounts (lower(username));
create unique index accounts_email_idx on accounts (lower(email));

create table account_roles (
    account_id bigint not null references accounts (id) on delete cascade,
    role       text   not null check (role in ('ADMIN', 'EDITOR', 'AUTHOR', 'MODERATOR')),
    primary key (account_id, role)
);
create index account_roles_role_idx on account_roles (role);

-- One row per throttled key ("account:<id or name>", "ip:<address>"): failures within the window and,
-- once over the limit, when sign-in is allowed again.
create table login_attempts (
    attempt_key  text        primary key,
    failures     integer     not null default 0,
    window_start timestamptz not null,
    locked_until timestamptz
);

create table audit_log (
    id         bigint generated always as identity primary key,
    at         timestamptz not null default now(),
    actor_id   bigint      references staff (id),
    actor_name text        not null,
    action     text        not null,
    subject    text        not null,
    detail     text        not null default ''
);
create index audit_log_recent_idx on audit_log (at desc, id desc);

-- Spring Session JDBC (schema-postgresql.sql of spring-session-jdbc); created here, never by its initializer.
create table spring_session (
    primary_id            char(36)     not null,
    session_id            char(36)     not null,
    creation_time         bigint       not null,
    last_access_time      bigint       not null,
    max_inactive_interval int          not null,
    expiry_time           bigint       not null,
    principal_name        varchar(100),
    constraint spring_session_pk primary key (primary_id)
);
create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
    session_primary_id char(36)     not null,
    attribute_name     varchar(200) not null,
    attribute_bytes    bytea        not null,
    constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
    constraint spring_session_attributes_fk foreign key (session_primary_id)
        references spring_session (primary_id) on delete cascade
);
