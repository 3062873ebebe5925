-- kiosk-v3.sql: the tables of records schema v3 that the outbox triggers
-- (src/core/outbox.sql) read, in v3's shape, for tests/pg/class-kiosk to
-- stand in for a kiosk until schema v3 is on main. Then the helper opens
-- a real records.db and this file goes.
CREATE TABLE students (
  id      INTEGER PRIMARY KEY,
  name    TEXT NOT NULL,
  created TEXT NOT NULL,
  removed TEXT
);
CREATE TABLE attempts (
  id       INTEGER PRIMARY KEY,
  uid      TEXT NOT NULL UNIQUE,
  student  INTEGER NOT NULL REFERENCES students(id),
  kind     TEXT NOT NULL,
  pack     TEXT,
  stage    TEXT,
  status   TEXT NOT NULL DEFAULT 'open',
  started  TEXT NOT NULL,
  finished TEXT,
  title    TEXT
);
CREATE TABLE questions (
  id     INTEGER PRIMARY KEY,
  hash   INTEGER NOT NULL,
  qid    TEXT NOT NULL,
  kind   TEXT NOT NULL,
  points REAL NOT NULL DEFAULT 1,
  body   TEXT NOT NULL
);
CREATE TABLE asked (
  attempt  INTEGER NOT NULL REFERENCES attempts(id),
  idx      INTEGER NOT NULL,
  question INTEGER NOT NULL REFERENCES questions(id),
  parts    TEXT NOT NULL DEFAULT '{}',
  PRIMARY KEY (attempt, idx)
) WITHOUT ROWID;
CREATE TABLE answers (
  attempt  INTEGER NOT NULL,
  idx      INTEGER NOT NULL,
  answer   TEXT NOT NULL,
  text     TEXT NOT NULL DEFAULT '',
  correct  INTEGER NOT NULL,
  credit   REAL NOT NULL,
  points   REAL NOT NULL,
  answered TEXT NOT NULL,
  PRIMARY KEY (attempt, idx)
) WITHOUT ROWID;
CREATE TABLE review (
  student  INTEGER NOT NULL,
  fact     TEXT NOT NULL,
  stage    TEXT,
  box      INTEGER NOT NULL,
  due      INTEGER NOT NULL,
  seen     INTEGER NOT NULL DEFAULT 0,
  lapses   INTEGER NOT NULL DEFAULT 0,
  last     TEXT NOT NULL,
  PRIMARY KEY (student, fact)
) WITHOUT ROWID;
CREATE TABLE lessons_read (
  student INTEGER NOT NULL,
  stage   TEXT NOT NULL,
  at      TEXT NOT NULL,
  PRIMARY KEY (student, stage)
) WITHOUT ROWID;
