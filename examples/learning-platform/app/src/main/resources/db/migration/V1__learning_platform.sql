-- The learning platform's tables. Timestamps are TIMESTAMPTZ (kept to the microsecond); ids and names are TEXT:
-- whatever the application accepts fits.
-- No foreign keys between them: the in-memory repositories enforce none, and a payment or an upload event may be
-- delivered before, or long after, what it refers to.

CREATE TABLE courses (
    id          TEXT        PRIMARY KEY,
    title       TEXT        NOT NULL,
    description TEXT        NOT NULL,
    price_cents BIGINT      NOT NULL,
    currency    TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL
);
CREATE INDEX courses_in_creation_order ON courses (created_at, id);

CREATE TABLE users (
    id            TEXT        PRIMARY KEY,
    email         TEXT        NOT NULL UNIQUE,   -- lower-cased by the application; registration is one INSERT
    name          TEXT        NOT NULL,
    registered_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE enrolments (
    seq          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,   -- the order enrolments were recorded in
    user_id      TEXT        NOT NULL,
    course_id    TEXT        NOT NULL,
    payment_id   TEXT        NOT NULL,
    amount_cents BIGINT      NOT NULL,
    currency     TEXT        NOT NULL,
    enrolled_at  TIMESTAMPTZ NOT NULL,
    CONSTRAINT enrolments_once_per_user_and_course UNIQUE (user_id, course_id)   -- enrolIfAbsent's guard
);

CREATE TABLE lesson_files (
    bucket       TEXT        NOT NULL,
    object_key   TEXT        NOT NULL,
    course_id    TEXT        NOT NULL,
    file_name    TEXT        NOT NULL,
    size_bytes   BIGINT,
    content_type TEXT,
    sha256       TEXT,
    recorded_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (bucket, object_key)
);
CREATE INDEX lesson_files_by_course ON lesson_files (course_id);

CREATE TABLE nightly_reports (
    report_date    DATE        PRIMARY KEY,
    generated_at   TIMESTAMPTZ NOT NULL,
    users          INTEGER     NOT NULL,
    courses        INTEGER     NOT NULL,
    enrolments     INTEGER     NOT NULL,
    new_enrolments INTEGER     NOT NULL,
    lesson_files   INTEGER     NOT NULL
);

CREATE TABLE nightly_report_course_enrolments (
    report_date DATE        NOT NULL REFERENCES nightly_reports ON DELETE CASCADE,
    course_id   TEXT        NOT NULL,
    enrolments  INTEGER     NOT NULL,
    PRIMARY KEY (report_date, course_id)
);

CREATE TABLE nightly_report_revenue (
    report_date   DATE       NOT NULL REFERENCES nightly_reports ON DELETE CASCADE,
    currency      TEXT       NOT NULL,
    revenue_cents BIGINT     NOT NULL,
    PRIMARY KEY (report_date, currency)
);

-- The payment subscriber's idempotency records (portablefn-idempotency's JdbcIdempotencyStore, the table its ddl()
-- gives for PostgreSQL), so a payment delivered twice runs once across every container.
CREATE TABLE portablefn_idempotency (
    idempotency_key VARCHAR(255) NOT NULL PRIMARY KEY,
    status          VARCHAR(16)  NOT NULL,
    owner_token     VARCHAR(64),
    expires_at      BIGINT       NOT NULL,
    result          BYTEA
);
CREATE INDEX portablefn_idempotency_expires_at ON portablefn_idempotency (expires_at);
