-- records.sql: the learner records database (records.db), compiled into the
-- core as the schema of a new database, stamped PRAGMA user_version = 6.
-- The class outbox of schema 5 (its table and triggers) is outbox.sql,
-- applied after this file.
--
-- records.db is precious: it is never rebuilt. An existing database at an
-- older version is brought up to date by the migrations in records.c, one
-- version at a time; this file always describes the latest version, and a
-- test checks that a migrated database ends up with the same schema.
--
-- It refers to the course only by stable string ids (stage ids, fact ids,
-- question ids such as "gen:date-year:ev-x" or "pack:mypack:3"), never by
-- course.db rowids, so rebuilding the course keeps every history valid.
--
-- Times are ISO 8601 UTC text ("2024-03-05T09:12:44Z"); review due dates are
-- day numbers (days since 1970-01-01 UTC).

-- Who uses the kiosk. A student removed from the roster with their records
-- kept has `removed` set and no longer blocks the name.
CREATE TABLE students (
  id      INTEGER PRIMARY KEY,
  name    TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 64),
  created TEXT NOT NULL,
  removed TEXT
);
CREATE UNIQUE INDEX students_name ON students(name COLLATE NOCASE)
  WHERE removed IS NULL;

-- One sitting of a quiz: a stage quiz, a pack, or a review session, with
-- the rules it runs by (attempt.h enforces them): its title, the seed its
-- questions were drawn with, the time limit, feedback mode, pass mark and
-- the attempts the pack allows. uid is the attempt's key outside this file
-- (random, 32 hex digits): an answer is known everywhere as (uid, idx).
-- Clock columns are Unix seconds: the current sitting began at `sitting`
-- after `used` seconds in earlier sittings; `left_at` is when the student
-- last left it on purpose (the time away then counts, attempt.h).
CREATE TABLE attempts (
  id        INTEGER PRIMARY KEY,
  uid       TEXT NOT NULL UNIQUE,
  student   INTEGER NOT NULL REFERENCES students(id) ON DELETE CASCADE,
  kind      TEXT NOT NULL CHECK (kind IN ('stage', 'pack', 'review')),
  pack      TEXT,
  stage     TEXT,
  status    TEXT NOT NULL DEFAULT 'open'
            CHECK (status IN ('open', 'finished', 'abandoned')),
  started   TEXT NOT NULL,
  finished  TEXT,
  title     TEXT,
  seed      INTEGER,
  time_limit INTEGER NOT NULL DEFAULT 0 CHECK (time_limit >= 0),
  feedback  TEXT NOT NULL DEFAULT 'each' CHECK (feedback IN ('each', 'end')),
  pass_mark REAL NOT NULL DEFAULT 60 CHECK (pass_mark BETWEEN 0 AND 100),
  allowed   INTEGER NOT NULL DEFAULT 0 CHECK (allowed >= 0),
  sitting   INTEGER,
  used      INTEGER NOT NULL DEFAULT 0,
  left_at   INTEGER
);
CREATE INDEX attempts_student ON attempts(student, status);
CREATE INDEX attempts_pack ON attempts(pack);

-- Questions are stored once, whatever the number of attempts that ask
-- them. A question as asked is its stem (this table: the question's JSON,
-- doc/quiz-json.md, without the parts below, with the columns reports
-- need copied out) plus its parts in qtexts: each option, each pair, the
-- explanation and the answer in words, which vary with the wrong options
-- drawn. Both are found by content: hash is a 64-bit FNV-1a of body, and
-- equal bodies are one row. Never evaluated; never Tcl.
--
-- Since schema 6 an explanation or answer in words (a JSON string) of
-- more than one sentence or list item is stored in pieces, cut after each
-- ". " and "; ": the pieces are qtexts rows too, and the row parts name is
-- "+" and their ids, "+12+40+7", the text being their bodies joined. No
-- JSON value starts with "+". Options and pairs are always whole.
CREATE TABLE questions (
  id      INTEGER PRIMARY KEY,
  hash    INTEGER NOT NULL,
  qid     TEXT NOT NULL,
  kind    TEXT NOT NULL,
  topic   TEXT,
  stage   TEXT,
  prompt  TEXT,
  points  REAL NOT NULL DEFAULT 1,
  body    TEXT NOT NULL
);
CREATE INDEX questions_hash ON questions(hash);
CREATE INDEX questions_qid ON questions(qid);

CREATE TABLE qtexts (
  id      INTEGER PRIMARY KEY,
  hash    INTEGER NOT NULL,
  body    TEXT NOT NULL
);
CREATE INDEX qtexts_hash ON qtexts(hash);

-- The questions of an attempt in the order they are asked, saved when the
-- attempt starts so that it can be resumed exactly. parts is a JSON object
-- naming the qtexts rows of the question as asked: {"options":[ids in
-- display order], "pairs":[ids], "order":[indexes], "explain":id,
-- "answer":id} (explain and
-- answer may be rows in pieces; kiosk_question joins them).
CREATE TABLE asked (
  attempt  INTEGER NOT NULL REFERENCES attempts(id) ON DELETE CASCADE,
  idx      INTEGER NOT NULL CHECK (idx >= 0),
  question INTEGER NOT NULL REFERENCES questions(id),
  parts    TEXT NOT NULL DEFAULT '{}',
  PRIMARY KEY (attempt, idx)
) WITHOUT ROWID;
CREATE INDEX asked_question ON asked(question);

-- Every answer, committed the moment it is given and scored by the core
-- (score.c). answer is what the student gave (an option index, indexes,
-- the typed text, the right-hand texts of a match as a list); text is the
-- same in words (the chosen options' texts), as the student saw it.
CREATE TABLE answers (
  attempt  INTEGER NOT NULL,
  idx      INTEGER NOT NULL,
  answer   TEXT NOT NULL,
  text     TEXT NOT NULL DEFAULT '',
  correct  INTEGER NOT NULL CHECK (correct IN (0, 1)),
  credit   REAL NOT NULL,
  points   REAL NOT NULL,
  answered TEXT NOT NULL,
  PRIMARY KEY (attempt, idx),
  FOREIGN KEY (attempt, idx) REFERENCES asked(attempt, idx)
    ON DELETE CASCADE
) WITHOUT ROWID;

-- Which options an answer picked (choice, tf, multi), for item analysis.
CREATE TABLE answer_picks (
  attempt INTEGER NOT NULL,
  idx     INTEGER NOT NULL,
  opt     INTEGER NOT NULL,
  PRIMARY KEY (attempt, idx, opt),
  FOREIGN KEY (attempt, idx) REFERENCES answers(attempt, idx)
    ON DELETE CASCADE
) WITHOUT ROWID;

-- What reports read: each question as asked, with its stem's columns, and
-- each option as shown (position, text, credit).
CREATE VIEW asked_questions AS
  SELECT k.attempt, k.idx, k.question, k.parts, q.qid, q.kind, q.topic,
         q.stage, q.prompt, q.points, q.body
  FROM asked k JOIN questions q ON q.id = k.question;
CREATE VIEW asked_options AS
  SELECT k.attempt, k.idx, CAST(e.key AS INTEGER) AS opt,
         json_extract(t.body, '$.text') AS text,
         CAST(coalesce(json_extract(t.body, '$.credit'), 0) AS REAL) AS credit
  FROM asked k, json_each(k.parts, '$.options') e
  JOIN qtexts t ON t.id = e.value;

-- The Leitner state of each fact a student has met (review.h has the
-- rules). qattempt/qidx name the latest question that tested the fact (a
-- row of asked), so a review can ask it again.
CREATE TABLE review (
  student  INTEGER NOT NULL REFERENCES students(id) ON DELETE CASCADE,
  fact     TEXT NOT NULL,
  stage    TEXT,
  box      INTEGER NOT NULL CHECK (box BETWEEN 1 AND 5),
  due      INTEGER NOT NULL,
  seen     INTEGER NOT NULL DEFAULT 0,
  lapses   INTEGER NOT NULL DEFAULT 0,
  last     TEXT NOT NULL,
  qattempt INTEGER,
  qidx     INTEGER,
  PRIMARY KEY (student, fact)
) WITHOUT ROWID;
CREATE INDEX review_due ON review(student, due);

-- Lessons a student has read (the first reading counts).
CREATE TABLE lessons_read (
  student INTEGER NOT NULL REFERENCES students(id) ON DELETE CASCADE,
  stage   TEXT NOT NULL,
  at      TEXT NOT NULL,
  PRIMARY KEY (student, stage)
) WITHOUT ROWID;

-- Installed quiz packs: the whole text, so the kiosk needs no file. At
-- most one is active.
CREATE TABLE packs (
  id        TEXT PRIMARY KEY,
  title     TEXT NOT NULL,
  text      TEXT NOT NULL,
  installed TEXT NOT NULL,
  active    INTEGER NOT NULL DEFAULT 0 CHECK (active IN (0, 1))
) WITHOUT ROWID;
CREATE UNIQUE INDEX packs_active ON packs(active) WHERE active = 1;

-- Kiosk settings (idle timeout, lock, theme...). Defaults live in records.c.
CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) WITHOUT ROWID;

-- Secrets, hashed: the instructor PIN as a yescrypt string, never clear.
CREATE TABLE secrets (
  name TEXT PRIMARY KEY,
  hash TEXT NOT NULL
) WITHOUT ROWID;

-- The throttle on wrong instructor PINs (pin.h has the rule): one row.
-- fails counts wrong PINs in a row; until is the end of the pause, in Unix
-- seconds (a number to compare, not a date to show).
CREATE TABLE pin_throttle (
  id    INTEGER PRIMARY KEY CHECK (id = 1),
  fails INTEGER NOT NULL DEFAULT 0 CHECK (fails >= 0),
  until INTEGER NOT NULL DEFAULT 0
);

-- The operator log the instructor desk shows: wrong PINs, desk openings,
-- leaving the kiosk, errors caught on screen. kind is a short word
-- (pin, desk, leave, error...); message is the text shown.
CREATE TABLE oplog (
  id      INTEGER PRIMARY KEY,
  at      TEXT NOT NULL,
  kind    TEXT NOT NULL CHECK (length(kind) BETWEEN 1 AND 16),
  message TEXT NOT NULL
);
