-- class-2.sql: migration 2 of the class database (see class-1.sql for the
-- rules of a migration). "Any kiosk, same student" (doc/class.md): what a
-- kiosk needs to show a student's progress and review schedule from other
-- kiosks, and to carry an unfinished attempt on where that is safe.
--
-- - Every attempt, review state and lesson read gets a revision number
--   (kiosk.rev, one sequence) that kiosk.upload() renews whenever the row
--   changes; a kiosk asks for the rows changed since the highest revision
--   it has seen.
-- - An attempt keeps the rules it runs by (seed, time limit, feedback,
--   pass mark, attempts allowed), the version of its pack when it started,
--   and when the student left it on purpose (left_at, the kiosk's Unix
--   seconds; NULL while it is being answered).
-- - kiosk.asked keeps each attempt's questions as asked (the JSON of
--   doc/quiz-json.md), so another kiosk can show or continue it.
-- - A pack's version goes up each time the teacher publishes a new text.

SET LOCAL ROLE kiosk_owner;

CREATE SEQUENCE kiosk.rev;

ALTER TABLE kiosk.attempts
  ADD COLUMN seed bigint,
  ADD COLUMN time_limit integer NOT NULL DEFAULT 0,
  ADD COLUMN feedback text NOT NULL DEFAULT 'each',
  ADD COLUMN pass_mark double precision NOT NULL DEFAULT 60,
  ADD COLUMN allowed integer NOT NULL DEFAULT 0,
  ADD COLUMN pack_version integer,
  ADD COLUMN left_at bigint,
  ADD COLUMN rev bigint NOT NULL DEFAULT nextval('kiosk.rev');
CREATE INDEX attempts_rev ON kiosk.attempts (rev);
ALTER TABLE kiosk.review
  ADD COLUMN rev bigint NOT NULL DEFAULT nextval('kiosk.rev');
CREATE INDEX review_rev ON kiosk.review (rev);
ALTER TABLE kiosk.lessons_read
  ADD COLUMN rev bigint NOT NULL DEFAULT nextval('kiosk.rev');
CREATE INDEX lessons_read_rev ON kiosk.lessons_read (rev);
ALTER TABLE kiosk.packs ADD COLUMN version integer NOT NULL DEFAULT 1;

CREATE TABLE kiosk.asked (
  uid   text NOT NULL,
  idx   integer NOT NULL CHECK (idx >= 0),
  qid   text NOT NULL,
  body  text NOT NULL,
  PRIMARY KEY (uid, idx)
);

-- As in class-1.sql, plus: an attempt's rules and pack version, its
-- questions (k = 'asked'), leaving and carrying on (k = 'leave': left_at,
-- NULL when a sitting began again), and a new revision for every row a
-- batch changes. The staging table numbers its rows (ord) in the order the
-- kiosk queued them, so the last 'leave' of an attempt in a batch wins.
CREATE OR REPLACE FUNCTION kiosk.upload(p_kiosk text) RETURNS bigint
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
                              started, seed, time_limit, feedback, pass_mark,
                              allowed, pack_version)
    SELECT r.uid, r.student, p_kiosk, r.kind, r.pack, r.stage, r.title,
           r.started, r.seed, coalesce(r.time_limit, 0),
           coalesce(r.feedback, 'each'), coalesce(r.pass_mark, 60),
           coalesce(r.allowed, 0), r.version
    FROM pg_temp.kiosk_upload r WHERE r.k = 'attempt'
    ON CONFLICT DO NOTHING;
  GET DIAGNOSTICS m = ROW_COUNT; n := n + m;
  PERFORM 1 FROM kiosk.attempts a
    WHERE a.uid IN (SELECT r.uid FROM pg_temp.kiosk_upload r
                    WHERE r.k = 'attempt')
    ORDER BY a.uid FOR UPDATE;
  UPDATE kiosk.attempts a SET answered = t.n, correct = t.c, score = t.s,
                              rev = nextval('kiosk.rev')
    FROM (SELECT w.uid, count(*) AS n,
                 count(*) FILTER (WHERE w.correct) AS c, sum(w.points) AS s
          FROM kiosk.answers w
          WHERE w.uid IN (SELECT r.uid FROM pg_temp.kiosk_upload r
                          WHERE r.k = 'attempt')
          GROUP BY w.uid) t
    WHERE a.uid = t.uid AND (a.answered, a.correct, a.score)
                            IS DISTINCT FROM (t.n::integer, t.c::integer, t.s);

  INSERT INTO kiosk.asked (uid, idx, qid, body)
    SELECT r.uid, r.idx, r.qid, r.body
    FROM pg_temp.kiosk_upload r
    WHERE r.k = 'asked' AND r.body IS NOT NULL
    ON CONFLICT DO NOTHING;
  GET DIAGNOSTICS m = ROW_COUNT; n := n + m;

  WITH ins AS (
    INSERT INTO kiosk.answers (uid, idx, kiosk, qid, answer, text, correct,
                               credit, points, answered)
      SELECT r.uid, r.idx, p_kiosk, r.qid, r.answer, coalesce(r.text, ''),
             r.correct <> 0, r.credit, r.points, r.at
      FROM pg_temp.kiosk_upload r WHERE r.k = 'answer'
      ON CONFLICT DO NOTHING
      RETURNING uid, correct, points
  ), done AS (
    UPDATE kiosk.attempts a SET answered = a.answered + t.n,
                                correct = a.correct + t.c,
                                score = a.score + t.s,
                                rev = nextval('kiosk.rev')
      FROM (SELECT uid, count(*) AS n, count(*) FILTER (WHERE correct) AS c,
                   sum(points) AS s
            FROM ins GROUP BY uid) t
      WHERE a.uid = t.uid
  )
  SELECT count(*) INTO m FROM ins;
  n := n + m;

  UPDATE kiosk.attempts a SET left_at = r.left_at, rev = nextval('kiosk.rev')
    FROM (SELECT DISTINCT ON (uid) uid, left_at
          FROM pg_temp.kiosk_upload WHERE k = 'leave'
          ORDER BY uid, ord DESC) r
    WHERE a.uid = r.uid AND a.status = 'open'
      AND a.left_at IS DISTINCT FROM r.left_at;
  GET DIAGNOSTICS m = ROW_COUNT; n := n + m;

  UPDATE kiosk.attempts a SET status = r.status, finished = r.at,
                              rev = nextval('kiosk.rev')
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
          last = excluded.last, kiosk = excluded.kiosk,
          rev = nextval('kiosk.rev')
      WHERE excluded.seen > v.seen;
  GET DIAGNOSTICS m = ROW_COUNT; n := n + m;
  RETURN n;
END
$f$;

RESET ROLE;

REVOKE ALL ON kiosk.asked FROM PUBLIC;
GRANT SELECT ON kiosk.asked TO kiosk_teacher, kiosk_device;

INSERT INTO kiosk.schema_version (version) VALUES (2);
