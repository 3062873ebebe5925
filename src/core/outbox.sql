-- outbox.sql: the class outbox of records.db, compiled into the core
-- (kioskOutboxSchemaSql). It is applied as a records migration after
-- schema v3; until then the tests apply it to a standalone SQLite database
-- holding the v3 tables it reads (tests/pg/kiosk-v3.sql).
--
-- Everything a kiosk must tell the class (attempts started and ended,
-- answers, lessons read, review state) is queued here by triggers, in the
-- same transaction as the write itself: a crash keeps both or neither, and
-- the records code knows nothing of the class. classsync.c sends pending
-- rows in seq order, in batches, and marks them sent once the server has
-- committed the batch. A row resent after a crash or a lost reply is
-- harmless: the server keeps the first copy by the row's natural key.
--
-- body is one JSON object (doc/class.md lists the fields per kind k);
-- key is the row's identity (a JSON array: kind and natural key), unique so
-- that the same event is never queued twice.

CREATE TABLE outbox (
  seq   INTEGER PRIMARY KEY AUTOINCREMENT,
  key   TEXT NOT NULL UNIQUE,
  body  TEXT NOT NULL,
  sent  INTEGER
);
CREATE INDEX outbox_pending ON outbox(seq) WHERE sent IS NULL;

CREATE TRIGGER outbox_attempt AFTER INSERT ON attempts BEGIN
  INSERT OR IGNORE INTO outbox(key, body)
  SELECT json_array('attempt', NEW.uid),
         json_object('k', 'attempt', 'uid', NEW.uid, 'student', s.name,
                     'kind', NEW.kind, 'pack', NEW.pack, 'stage', NEW.stage,
                     'title', NEW.title, 'started', NEW.started)
  FROM students s WHERE s.id = NEW.student;
END;

CREATE TRIGGER outbox_answer AFTER INSERT ON answers BEGIN
  INSERT OR IGNORE INTO outbox(key, body)
  SELECT json_array('answer', a.uid, NEW.idx),
         json_object('k', 'answer', 'uid', a.uid, 'idx', NEW.idx,
                     'qid', q.qid, 'answer', NEW.answer, 'text', NEW.text,
                     'correct', NEW.correct, 'credit', NEW.credit,
                     'points', NEW.points, 'answered', NEW.answered)
  FROM attempts a
  JOIN asked k ON k.attempt = a.id AND k.idx = NEW.idx
  JOIN questions q ON q.id = k.question
  WHERE a.id = NEW.attempt;
END;

CREATE TRIGGER outbox_end AFTER UPDATE OF status ON attempts
WHEN OLD.status = 'open' AND NEW.status <> 'open' BEGIN
  INSERT OR IGNORE INTO outbox(key, body)
  VALUES (json_array('end', NEW.uid),
          json_object('k', 'end', 'uid', NEW.uid, 'status', NEW.status,
                      'finished', NEW.finished));
END;

CREATE TRIGGER outbox_lesson AFTER INSERT ON lessons_read BEGIN
  INSERT OR IGNORE INTO outbox(key, body)
  SELECT json_array('lesson', s.name, NEW.stage),
         json_object('k', 'lesson', 'student', s.name, 'stage', NEW.stage,
                     'at', NEW.at)
  FROM students s WHERE s.id = NEW.student;
END;

-- Review state changes with every answer to a fact; seen counts them, so
-- (student, fact, seen) names one state and the server keeps the one that
-- has seen most.
CREATE TRIGGER outbox_review_new AFTER INSERT ON review BEGIN
  INSERT OR IGNORE INTO outbox(key, body)
  SELECT json_array('review', s.name, NEW.fact, NEW.seen),
         json_object('k', 'review', 'student', s.name, 'fact', NEW.fact,
                     'stage', NEW.stage, 'box', NEW.box, 'due', NEW.due,
                     'seen', NEW.seen, 'lapses', NEW.lapses, 'last', NEW.last)
  FROM students s WHERE s.id = NEW.student;
END;
CREATE TRIGGER outbox_review AFTER UPDATE ON review BEGIN
  INSERT OR IGNORE INTO outbox(key, body)
  SELECT json_array('review', s.name, NEW.fact, NEW.seen),
         json_object('k', 'review', 'student', s.name, 'fact', NEW.fact,
                     'stage', NEW.stage, 'box', NEW.box, 'due', NEW.due,
                     'seen', NEW.seen, 'lapses', NEW.lapses, 'last', NEW.last)
  FROM students s WHERE s.id = NEW.student;
END;
