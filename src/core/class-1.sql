-- class-1.sql: migration 1 of the class database on PostgreSQL, compiled
-- into kioskctl (classsync.c runs it from `kioskctl class init`). The class
-- database holds what many kiosks share: the roster, quiz packs, settings
-- and the PIN hash (teacher -> kiosks), and every attempt, answer, lesson
-- read and review state (kiosks -> class). doc/class.md describes it.
--
-- A migration runs once, in one transaction, as the database owner (or a
-- superuser), and ends by recording its number in kiosk.schema_version.
-- Later migrations are new files (class-2.sql, ...): never edit this one.
--
-- Roles (cluster-wide, NOLOGIN groups; people and machines log in as their
-- own roles made members of them, doc/class.md):
--   kiosk_owner    owns the schema, its tables and the upload function
--   kiosk_teacher  reads everything; writes the roster, packs, settings
--   kiosk_device   a kiosk: reads what it needs (roster, packs, settings,
--                  PIN hash, the class's results for the desk) and adds its
--                  records only through kiosk.upload(), which inserts
--                  (ON CONFLICT DO NOTHING) and never alters an answer.
-- Times sent by kiosks are kept as the kiosk's ISO text (their clocks may
-- differ); `received` is the server's clock. Order never depends on them.

DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'kiosk_owner') THEN
    CREATE ROLE kiosk_owner NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'kiosk_teacher') THEN
    CREATE ROLE kiosk_teacher NOLOGIN;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'kiosk_device') THEN
    CREATE ROLE kiosk_device NOLOGIN;
  END IF;
END
$$;

CREATE SCHEMA kiosk AUTHORIZATION kiosk_owner;
REVOKE ALL ON SCHEMA kiosk FROM PUBLIC;
GRANT USAGE ON SCHEMA kiosk TO kiosk_teacher, kiosk_device;
SET LOCAL ROLE kiosk_owner;

CREATE TABLE kiosk.schema_version (
  version integer PRIMARY KEY,
  applied timestamptz NOT NULL DEFAULT now()
);

-- The kiosks that have sent something, by the name given at join.
CREATE TABLE kiosk.kiosks (
  name      text PRIMARY KEY CHECK (length(name) BETWEEN 1 AND 64),
  role      name NOT NULL,
  first_seen timestamptz NOT NULL DEFAULT now(),
  last_seen timestamptz NOT NULL DEFAULT now(),
  received  bigint NOT NULL DEFAULT 0
);

-- The class roster. A student is known everywhere by name (unique among
-- current students ignoring case, as on a kiosk).
CREATE TABLE kiosk.students (
  id      bigserial PRIMARY KEY,
  name    text NOT NULL CHECK (length(name) BETWEEN 1 AND 64),
  created timestamptz NOT NULL DEFAULT now(),
  removed timestamptz
);
CREATE UNIQUE INDEX students_name ON kiosk.students (lower(name))
  WHERE removed IS NULL;

-- Attempts, keyed by the uid the kiosk gave them (32 hex digits).
CREATE TABLE kiosk.attempts (
  uid      text PRIMARY KEY CHECK (uid ~ '^[0-9a-f]{32}$'),
  student  text NOT NULL,
  kiosk    text NOT NULL,
  kind     text NOT NULL CHECK (kind IN ('stage', 'pack', 'review')),
  pack     text,
  stage    text,
  title    text,
  status   text NOT NULL DEFAULT 'open'
           CHECK (status IN ('open', 'finished', 'abandoned')),
  started  text NOT NULL,
  finished text,
  received timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX attempts_student ON kiosk.attempts (lower(student));
CREATE INDEX attempts_pack ON kiosk.attempts (pack);

-- Answers, keyed by (attempt uid, question index): the first to arrive is
-- kept; a re-send of the same answer changes nothing.
CREATE TABLE kiosk.answers (
  uid      text NOT NULL,
  idx      integer NOT NULL CHECK (idx >= 0),
  kiosk    text NOT NULL,
  qid      text NOT NULL,
  answer   text NOT NULL,
  text     text NOT NULL DEFAULT '',
  correct  boolean NOT NULL,
  credit   double precision NOT NULL,
  points   double precision NOT NULL,
  answered text NOT NULL,
  received timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (uid, idx)
);
CREATE INDEX answers_qid ON kiosk.answers (qid);

CREATE TABLE kiosk.lessons_read (
  student text NOT NULL,
  stage   text NOT NULL,
  at      text NOT NULL,
  kiosk   text NOT NULL,
  PRIMARY KEY (student, stage)
);

-- Review state per student and fact: the state that has seen the most
-- answers wins (seen only grows on a kiosk), whatever the clocks say.
CREATE TABLE kiosk.review (
  student text NOT NULL,
  fact    text NOT NULL,
  stage   text,
  box     integer NOT NULL CHECK (box BETWEEN 1 AND 5),
  due     integer NOT NULL,
  seen    integer NOT NULL,
  lapses  integer NOT NULL,
  last    text NOT NULL,
  kiosk   text NOT NULL,
  PRIMARY KEY (student, fact)
);

-- What the teacher publishes to every kiosk.
CREATE TABLE kiosk.packs (
  id      text PRIMARY KEY,
  title   text NOT NULL,
  text    text NOT NULL,
  active  boolean NOT NULL DEFAULT false,
  updated timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX packs_active ON kiosk.packs (active) WHERE active;
CREATE TABLE kiosk.settings (
  key   text PRIMARY KEY CHECK (key ~ '^[a-z][a-z0-9.-]*$'
                                AND key NOT LIKE 'class.%'),
  value text NOT NULL
);
CREATE TABLE kiosk.secrets (
  name text PRIMARY KEY CHECK (name = 'pin'),
  hash text NOT NULL CHECK (hash LIKE '$%')
);

-- Add a batch of a kiosk's outbox in the caller's transaction. The kiosk
-- COPYs the batch into its session's temporary table pg_temp.kiosk_upload
-- (the columns below, as outbox.sql has them; classsync.c creates it and
-- lets kiosk_owner read it), then calls this. Every insert is ON CONFLICT
-- DO NOTHING on the row's natural key, so a batch delivered twice, or
-- resent after a crash, adds nothing the second time; an attempt's status
-- only moves from open, and a review state only to one that has seen more
-- answers. Returns the number of rows the batch added or changed.
CREATE FUNCTION kiosk.upload(p_kiosk text) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = kiosk, pg_temp AS $f$
DECLARE
  n bigint := 0;
  m bigint;
BEGIN
  IF p_kiosk IS NULL OR length(p_kiosk) NOT BETWEEN 1 AND 64 THEN
    RAISE EXCEPTION 'a kiosk name is 1 to 64 characters';
  END IF;
  SELECT count(*) INTO m FROM pg_temp.kiosk_upload;
  INSERT INTO kiosk.kiosks AS k (name, role, received)
    VALUES (p_kiosk, session_user, m)
    ON CONFLICT (name) DO UPDATE
      SET last_seen = now(), received = k.received + excluded.received;

  INSERT INTO kiosk.attempts (uid, student, kiosk, kind, pack, stage, title,
                              started)
    SELECT r.uid, r.student, p_kiosk, r.kind, r.pack, r.stage, r.title,
           r.started
    FROM pg_temp.kiosk_upload r WHERE r.k = 'attempt'
    ON CONFLICT DO NOTHING;
  GET DIAGNOSTICS m = ROW_COUNT; n := n + m;

  INSERT INTO kiosk.answers (uid, idx, kiosk, qid, answer, text, correct,
                             credit, points, answered)
    SELECT r.uid, r.idx, p_kiosk, r.qid, r.answer, coalesce(r.text, ''),
           r.correct <> 0, r.credit, r.points, r.at
    FROM pg_temp.kiosk_upload r WHERE r.k = 'answer'
    ON CONFLICT DO NOTHING;
  GET DIAGNOSTICS m = ROW_COUNT; n := n + m;

  UPDATE kiosk.attempts a SET status = r.status, finished = r.at
    FROM pg_temp.kiosk_upload r
    WHERE r.k = 'end' AND a.uid = r.uid AND a.status = 'open'
      AND r.status IN ('finished', 'abandoned');
  GET DIAGNOSTICS m = ROW_COUNT; n := n + m;

  INSERT INTO kiosk.lessons_read (student, stage, at, kiosk)
    SELECT r.student, r.stage, r.at, p_kiosk
    FROM pg_temp.kiosk_upload r WHERE r.k = 'lesson'
    ON CONFLICT DO NOTHING;
  GET DIAGNOSTICS m = ROW_COUNT; n := n + m;

  INSERT INTO kiosk.review AS v (student, fact, stage, box, due, seen,
                                 lapses, last, kiosk)
    SELECT DISTINCT ON (r.student, r.fact) r.student, r.fact, r.stage,
           r.box, r.due, r.seen, r.lapses, r.at, p_kiosk
    FROM pg_temp.kiosk_upload r WHERE r.k = 'review'
    ORDER BY r.student, r.fact, r.seen DESC
    ON CONFLICT (student, fact) DO UPDATE
      SET stage = excluded.stage, box = excluded.box, due = excluded.due,
          seen = excluded.seen, lapses = excluded.lapses,
          last = excluded.last, kiosk = excluded.kiosk
      WHERE excluded.seen > v.seen;
  GET DIAGNOSTICS m = ROW_COUNT; n := n + m;
  RETURN n;
END
$f$;

-- The class's results, one row per attempt: what the desk and
-- `kioskctl class results` show.
CREATE VIEW kiosk.results AS
  SELECT a.uid, a.student, a.kiosk, a.kind, a.pack, a.stage, a.status,
         a.started, a.finished,
         count(w.idx) AS answered,
         count(w.idx) FILTER (WHERE w.correct) AS correct,
         coalesce(sum(w.points), 0) AS score
  FROM kiosk.attempts a LEFT JOIN kiosk.answers w ON w.uid = a.uid
  GROUP BY a.uid;

RESET ROLE;

REVOKE ALL ON ALL TABLES IN SCHEMA kiosk FROM PUBLIC;
REVOKE ALL ON FUNCTION kiosk.upload(text) FROM PUBLIC;
GRANT SELECT ON ALL TABLES IN SCHEMA kiosk TO kiosk_teacher;
GRANT INSERT, UPDATE, DELETE ON kiosk.students, kiosk.packs,
  kiosk.settings, kiosk.secrets TO kiosk_teacher;
GRANT USAGE ON SEQUENCE kiosk.students_id_seq TO kiosk_teacher;
GRANT SELECT ON kiosk.students, kiosk.packs, kiosk.settings, kiosk.secrets,
  kiosk.attempts, kiosk.answers, kiosk.lessons_read, kiosk.review,
  kiosk.results, kiosk.schema_version, kiosk.kiosks TO kiosk_device;
GRANT EXECUTE ON FUNCTION kiosk.upload(text)
  TO kiosk_device, kiosk_teacher;

INSERT INTO kiosk.schema_version (version) VALUES (1);
