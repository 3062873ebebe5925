-- outbox.sql: the class outbox of records.db, compiled into the core
-- (kioskOutboxSchemaSql). Part of records schema 5: a new records.db gets
-- it after records.sql, and migration 4 -> 5 (records.c) adds it to an
-- older one; a file of its own because it is class sync's business.
--
-- Everything a kiosk must tell the class (attempts started and ended,
-- answers, lessons read, review state) is queued here by triggers, in the
-- same transaction as the write itself: a crash keeps both or neither, and
-- the records code knows nothing of the class. The triggers fire only on a
-- kiosk that has joined a class (the setting class.kiosk, kioskctl class
-- join): a kiosk on its own pays nothing. Joining queues what was recorded
-- before (kioskOutboxQueueHistory), so nothing answered before is left out.
-- classsync.c sends pending rows in seq order, in batches, and marks them
-- sent once the server has committed the batch. A row resent after a crash
-- or a lost reply is harmless: the server keeps the first copy by the
-- row's natural key.
--
-- Each row is one event of kind k with the columns that kind uses (the
-- others NULL; doc/class.md lists them), in the column order of the
-- server's staging table, so that a batch goes by COPY as it is. key is
-- the row's identity (a JSON array: kind and natural key), unique so that
-- the same event is never queued twice.

CREATE TABLE outbox (
  seq      INTEGER PRIMARY KEY AUTOINCREMENT,
  key      TEXT NOT NULL UNIQUE,
  k        TEXT NOT NULL
           CHECK (k IN ('attempt', 'asked', 'answer', 'leave', 'end',
                        'lesson', 'review')),
  uid      TEXT,
  idx      INTEGER,
  student  TEXT,
  kind     TEXT,
  pack     TEXT,
  stage    TEXT,
  title    TEXT,
  started  TEXT,
  qid      TEXT,
  answer   TEXT,
  text     TEXT,
  correct  INTEGER,
  credit   REAL,
  points   REAL,
  at       TEXT,
  status   TEXT,
  fact     TEXT,
  box      INTEGER,
  due      INTEGER,
  seen     INTEGER,
  lapses   INTEGER,
  seed     INTEGER,
  time_limit INTEGER,
  feedback TEXT,
  pass_mark REAL,
  allowed  INTEGER,
  version  INTEGER,
  left_at  INTEGER,
  sent     INTEGER
);
CREATE INDEX outbox_pending ON outbox(seq) WHERE sent IS NULL;

-- The version of each pack as the class published it (class sync writes
-- it with the pack): an attempt records the version it started on, which
-- decides whether it may be carried on at another kiosk (doc/class.md).
CREATE TABLE class_packs (
  id      TEXT PRIMARY KEY,
  version INTEGER NOT NULL
) WITHOUT ROWID;

-- at is the event's time as the kiosk's clock read it: an answer's
-- answered, an attempt's end, a lesson's first reading, a review's last.
CREATE TRIGGER outbox_attempt AFTER INSERT ON attempts
WHEN EXISTS (SELECT 1 FROM settings WHERE key = 'class.kiosk') BEGIN
  INSERT OR IGNORE INTO outbox(key, k, uid, student, kind, pack, stage,
                               title, started, seed, time_limit, feedback,
                               pass_mark, allowed, version)
  SELECT json_array('attempt', NEW.uid), 'attempt', NEW.uid, s.name,
         NEW.kind, NEW.pack, NEW.stage, NEW.title, NEW.started, NEW.seed,
         NEW.time_limit, NEW.feedback, NEW.pass_mark, NEW.allowed,
         (SELECT version FROM class_packs WHERE id = NEW.pack)
  FROM students s WHERE s.id = NEW.student;
END;

-- A question as asked: the row names it; its JSON (kiosk_question) is
-- read when the row is sent, so the trigger needs no function of the
-- kiosk's connection.
CREATE TRIGGER outbox_asked AFTER INSERT ON asked
WHEN EXISTS (SELECT 1 FROM settings WHERE key = 'class.kiosk') BEGIN
  INSERT OR IGNORE INTO outbox(key, k, uid, idx, qid)
  SELECT json_array('asked', a.uid, NEW.idx), 'asked', a.uid, NEW.idx, q.qid
  FROM attempts a JOIN questions q ON q.id = NEW.question
  WHERE a.id = NEW.attempt;
END;

-- Leaving an open attempt on purpose (left_at set) and taking it up again
-- (left_at cleared when a sitting begins). Queued after every answer given
-- before it, so once a leave is on the server, so is each of those answers.
CREATE TRIGGER outbox_leave AFTER UPDATE OF left_at ON attempts
WHEN NEW.status = 'open' AND OLD.left_at IS NOT NEW.left_at
 AND EXISTS (SELECT 1 FROM settings WHERE key = 'class.kiosk') BEGIN
  INSERT OR IGNORE INTO outbox(key, k, uid, left_at)
  VALUES (json_array('leave', NEW.uid, NEW.left_at, NEW.sitting), 'leave',
          NEW.uid, NEW.left_at);
END;

CREATE TRIGGER outbox_answer AFTER INSERT ON answers
WHEN EXISTS (SELECT 1 FROM settings WHERE key = 'class.kiosk') BEGIN
  INSERT OR IGNORE INTO outbox(key, k, uid, idx, qid, answer, text, correct,
                               credit, points, at)
  SELECT json_array('answer', a.uid, NEW.idx), 'answer', a.uid, NEW.idx,
         q.qid, NEW.answer, NEW.text, NEW.correct, NEW.credit, NEW.points,
         NEW.answered
  FROM attempts a
  JOIN asked k ON k.attempt = a.id AND k.idx = NEW.idx
  JOIN questions q ON q.id = k.question
  WHERE a.id = NEW.attempt;
END;

CREATE TRIGGER outbox_end AFTER UPDATE OF status ON attempts
WHEN OLD.status = 'open' AND NEW.status <> 'open'
 AND EXISTS (SELECT 1 FROM settings WHERE key = 'class.kiosk') BEGIN
  INSERT OR IGNORE INTO outbox(key, k, uid, status, at)
  VALUES (json_array('end', NEW.uid), 'end', NEW.uid, NEW.status,
          NEW.finished);
END;

CREATE TRIGGER outbox_lesson AFTER INSERT ON lessons_read
WHEN EXISTS (SELECT 1 FROM settings WHERE key = 'class.kiosk') BEGIN
  INSERT OR IGNORE INTO outbox(key, k, student, stage, at)
  SELECT json_array('lesson', s.name, NEW.stage), 'lesson', s.name,
         NEW.stage, NEW.at
  FROM students s WHERE s.id = NEW.student;
END;

-- Review state changes with every answer to a fact; seen counts them, so
-- (student, fact, seen) names one state and the server keeps the one that
-- has seen most.
CREATE TRIGGER outbox_review_new AFTER INSERT ON review
WHEN EXISTS (SELECT 1 FROM settings WHERE key = 'class.kiosk') BEGIN
  INSERT OR IGNORE INTO outbox(key, k, student, fact, stage, box, due, seen,
                               lapses, at)
  SELECT json_array('review', s.name, NEW.fact, NEW.seen), 'review', s.name,
         NEW.fact, NEW.stage, NEW.box, NEW.due, NEW.seen, NEW.lapses,
         NEW.last
  FROM students s WHERE s.id = NEW.student;
END;
CREATE TRIGGER outbox_review AFTER UPDATE ON review
WHEN EXISTS (SELECT 1 FROM settings WHERE key = 'class.kiosk') BEGIN
  INSERT OR IGNORE INTO outbox(key, k, student, fact, stage, box, due, seen,
                               lapses, at)
  SELECT json_array('review', s.name, NEW.fact, NEW.seen), 'review', s.name,
         NEW.fact, NEW.stage, NEW.box, NEW.due, NEW.seen, NEW.lapses,
         NEW.last
  FROM students s WHERE s.id = NEW.student;
END;
