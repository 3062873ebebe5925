-- schema.sql: the course database (course.db), compiled into the core.
--
-- course.db is derived data: it is rebuilt from a course folder (data/) and
-- may be thrown away at any time. Learner data lives in records.db, which
-- refers to the rows here only by their stable string ids.
--
-- Each table below is filled from one CSV file of the same name
-- (data/<table>.csv, header row = column names, any order). The generic
-- loader validates every value against the column's declared type:
--   INTEGER, REAL, TEXT  as in SQLite, but strict (no "12x" as 12);
--   KDATE                a date with its precision, written as one of
--                          1992           a year
--                          1991-10        a month
--                          2018-10-15     a day
--                          1997..1998     a range (either end may be a
--                                         month or a day: 2015-10..2015-11)
--                          ~2000..2003    an approximate period ("early
--                                         2000s"): a range with a flag
-- and against its constraints (NOT NULL, CHECK, UNIQUE, foreign keys).
-- Generated columns (y0, y1, approx) are never in a CSV file; they make the
-- precision queryable and indexable.
--
-- Ids are short lowercase slugs ([a-z0-9-]+), unique across the whole
-- course, because lessons, quiz packs and records refer to them.

PRAGMA foreign_keys = ON;

-- The course itself, one row (data/course.csv): what the kiosk shows as
-- its title, and the credits. The engine knows no course by name.
CREATE TABLE course (
  id       TEXT PRIMARY KEY,  -- a slug, as for every id
  title    TEXT NOT NULL,     -- "Japan in Central Asia"
  subtitle TEXT,             -- one line under the title
  language TEXT NOT NULL,     -- the language of the course text: "en"
  credits  TEXT,             -- who made the course
  based_on TEXT NOT NULL      -- the work it is drawn from, as a citation
);
-- One row only: a second one is an error at its line.
CREATE TRIGGER course_one_row BEFORE INSERT ON course
  WHEN (SELECT count(*) FROM course) > 0
BEGIN
  SELECT RAISE(ABORT, 'the course table has one row only');
END;

-- The article's footnotes. id is "n" followed by the footnote number.
CREATE TABLE sources (
  id       TEXT PRIMARY KEY CHECK (id GLOB 'n[0-9]*'),
  num      INTEGER NOT NULL UNIQUE CHECK (num > 0),
  authors  TEXT,              -- NULL for unsigned web pieces
  title    TEXT NOT NULL,
  venue    TEXT,              -- journal, book series, publisher or site
  year     INTEGER,
  pages    TEXT,
  url      TEXT,
  accessed TEXT,              -- date the article's author last opened url
  note     TEXT,              -- shown with the citation, as a reader would
                              -- cite it: "op. cit., note 13", "ibid., note 22"
  remark   TEXT               -- for course authors only, never shown:
                              -- printing slips in the article's note
);

-- Countries and blocs a fact can involve (the link tables point here).
CREATE TABLE countries (
  id        TEXT PRIMARY KEY,       -- ISO 3166 alpha-2, lower case; "eu"
  name      TEXT NOT NULL UNIQUE,
  in_region INTEGER NOT NULL DEFAULT 0 CHECK (in_region IN (0, 1))
);

-- The stages of the course, in teaching order.
CREATE TABLE stages (
  id      TEXT PRIMARY KEY,
  ord     INTEGER NOT NULL UNIQUE CHECK (ord > 0),
  title   TEXT NOT NULL,
  period  KDATE NOT NULL,
  summary TEXT NOT NULL,
  y0 INTEGER GENERATED ALWAYS AS (CAST(substr(ltrim(period, '~'), 1, 4) AS INTEGER)) STORED,
  y1 INTEGER GENERATED ALWAYS AS (CASE WHEN instr(period, '..') > 0
        THEN CAST(substr(period, instr(period, '..') + 2, 4) AS INTEGER)
        ELSE CAST(substr(ltrim(period, '~'), 1, 4) AS INTEGER) END) STORED
);

-- Every fact table says how the article supports each row (support):
--   stated    the article says it, as recorded: the quiz may ask it;
--   general   the article says it, but of a long or open period (outside
--             powers "in the last decade"): the quiz never asks it as dated
--             (no date question, no chronology, never a date distractor);
--   inferred  we filled in something the article does not say (a date, a
--             name): never asked nor offered as an option.
-- support_note says why, and is required exactly when support is not
-- 'stated'; it is for course authors and never shown.

-- Dated happenings: visits, meetings, decisions, announcements.
CREATE TABLE events (
  id      TEXT PRIMARY KEY,
  stage   TEXT NOT NULL REFERENCES stages(id),
  date    KDATE NOT NULL,
  title   TEXT NOT NULL,      -- short noun phrase: "Watanabe tours Kyrgyzstan and Kazakhstan"
  detail  TEXT NOT NULL,      -- one or two sentences, our words
  key     INTEGER NOT NULL DEFAULT 0 CHECK (key IN (0, 1)),  -- mark on the timeline
  subject TEXT CHECK (subject GLOB '[a-z0-9]*' AND subject NOT GLOB '*[^a-z0-9-]*'),  -- one happening (fact_subjects)
  support TEXT NOT NULL DEFAULT 'stated' CHECK (support IN ('stated', 'general', 'inferred')),
  support_note TEXT,          -- why, when support is not 'stated' (required then)
  source  TEXT NOT NULL REFERENCES sources(id),
  y0 INTEGER GENERATED ALWAYS AS (CAST(substr(ltrim(date, '~'), 1, 4) AS INTEGER)) STORED,
  y1 INTEGER GENERATED ALWAYS AS (CASE WHEN instr(date, '..') > 0
        THEN CAST(substr(date, instr(date, '..') + 2, 4) AS INTEGER)
        ELSE CAST(substr(ltrim(date, '~'), 1, 4) AS INTEGER) END) STORED,
  approx INTEGER GENERATED ALWAYS AS (substr(date, 1, 1) = '~') STORED,
  CHECK ((support = 'stated') = (support_note IS NULL))
);
CREATE INDEX events_stage ON events(stage);
CREATE INDEX events_subject ON events(subject);
CREATE INDEX events_year ON events(y0, y1);
-- The quiz names an event by its title: a wrong answer must be wrong for
-- every event of that title.
CREATE INDEX events_title ON events(title);

-- Amounts and physical quantities.
CREATE TABLE figures (
  id      TEXT PRIMARY KEY,
  stage   TEXT NOT NULL REFERENCES stages(id),
  label   TEXT NOT NULL,      -- what is measured: "Japanese aid to Uzbekistan"
  value   REAL NOT NULL,      -- in the unit, unscaled: 396000000 for $396 million
  unit    TEXT NOT NULL CHECK (unit IN ('USD', 'km', 'bcm/yr', 'count')),
  period  KDATE,              -- the time the figure covers or refers to
  grp     TEXT,               -- figures that are siblings (same measure, other country/period)
  approx  INTEGER NOT NULL DEFAULT 0 CHECK (approx IN (0, 1)),  -- "about $9 billion"
  subject TEXT CHECK (subject GLOB '[a-z0-9]*' AND subject NOT GLOB '*[^a-z0-9-]*'),  -- one happening (fact_subjects)
  support TEXT NOT NULL DEFAULT 'stated' CHECK (support IN ('stated', 'general', 'inferred')),
  support_note TEXT,          -- why, when support is not 'stated' (required then)
  source  TEXT NOT NULL REFERENCES sources(id),
  y0 INTEGER GENERATED ALWAYS AS (CAST(substr(ltrim(period, '~'), 1, 4) AS INTEGER)) STORED,
  y1 INTEGER GENERATED ALWAYS AS (CASE WHEN instr(period, '..') > 0
        THEN CAST(substr(period, instr(period, '..') + 2, 4) AS INTEGER)
        ELSE CAST(substr(ltrim(period, '~'), 1, 4) AS INTEGER) END) STORED,
  CHECK ((support = 'stated') = (support_note IS NULL))
);
CREATE INDEX figures_stage ON figures(stage);
CREATE INDEX figures_subject ON figures(subject);
CREATE INDEX figures_grp ON figures(grp);
CREATE INDEX figures_unit ON figures(unit, value);
CREATE INDEX figures_label ON figures(label);

-- Named people.
CREATE TABLE people (
  id      TEXT PRIMARY KEY,
  stage   TEXT NOT NULL REFERENCES stages(id),
  name    TEXT NOT NULL,
  role    TEXT NOT NULL,      -- as at the time the article names them
  country TEXT NOT NULL REFERENCES countries(id),
  year    INTEGER,            -- the year the article places them
  subject TEXT CHECK (subject GLOB '[a-z0-9]*' AND subject NOT GLOB '*[^a-z0-9-]*'),  -- one happening (fact_subjects)
  support TEXT NOT NULL DEFAULT 'stated' CHECK (support IN ('stated', 'general', 'inferred')),
  support_note TEXT,          -- why, when support is not 'stated' (required then)
  source  TEXT NOT NULL REFERENCES sources(id),
  CHECK ((support = 'stated') = (support_note IS NULL))
);
CREATE INDEX people_stage ON people(stage);
CREATE INDEX people_subject ON people(subject);

-- Companies, agencies, blocs, societies.
CREATE TABLE organizations (
  id      TEXT PRIMARY KEY,
  stage   TEXT NOT NULL REFERENCES stages(id),
  name    TEXT NOT NULL,
  abbrev  TEXT,
  country TEXT REFERENCES countries(id),   -- home country; NULL for multinational
  kind    TEXT NOT NULL CHECK (kind IN ('company', 'agency', 'ministry', 'society', 'bloc', 'council')),
  founded KDATE,
  summary TEXT NOT NULL,
  subject TEXT CHECK (subject GLOB '[a-z0-9]*' AND subject NOT GLOB '*[^a-z0-9-]*'),  -- one happening (fact_subjects)
  support TEXT NOT NULL DEFAULT 'stated' CHECK (support IN ('stated', 'general', 'inferred')),
  support_note TEXT,          -- why, when support is not 'stated' (required then)
  source  TEXT NOT NULL REFERENCES sources(id),
  CHECK ((support = 'stated') = (support_note IS NULL))
);
CREATE INDEX organizations_stage ON organizations(stage);
CREATE INDEX organizations_subject ON organizations(subject);

-- Places: capitals and cities, gas fields, rivers, embassies.
CREATE TABLE places (
  id      TEXT PRIMARY KEY,
  stage   TEXT NOT NULL REFERENCES stages(id),
  name    TEXT NOT NULL,
  kind    TEXT NOT NULL CHECK (kind IN ('city', 'field', 'river', 'embassy', 'region', 'route')),
  country TEXT REFERENCES countries(id),
  lat     REAL CHECK (lat BETWEEN -90 AND 90),
  lon     REAL CHECK (lon BETWEEN -180 AND 180),
  summary TEXT NOT NULL,
  subject TEXT CHECK (subject GLOB '[a-z0-9]*' AND subject NOT GLOB '*[^a-z0-9-]*'),  -- one happening (fact_subjects)
  support TEXT NOT NULL DEFAULT 'stated' CHECK (support IN ('stated', 'general', 'inferred')),
  support_note TEXT,          -- why, when support is not 'stated' (required then)
  source  TEXT NOT NULL REFERENCES sources(id),
  CHECK ((support = 'stated') = (support_note IS NULL))
);
CREATE INDEX places_stage ON places(stage);
CREATE INDEX places_subject ON places(subject);

-- Doctrines, dialogue formats, plans, declarations, roadmaps, corridors.
CREATE TABLE initiatives (
  id          TEXT PRIMARY KEY,
  stage       TEXT NOT NULL REFERENCES stages(id),
  name        TEXT NOT NULL,
  kind        TEXT NOT NULL CHECK (kind IN ('doctrine', 'format', 'plan', 'declaration',
                 'statement', 'roadmap', 'corridor', 'strategy', 'concept', 'partnership',
                 'project', 'meeting')),
  date        KDATE NOT NULL,
  launched_by TEXT REFERENCES people(id),      -- the person, when the article names one
  by_country  TEXT REFERENCES countries(id),  -- who launched or proposed it; NULL when the article does not say
  place       TEXT REFERENCES places(id),      -- where it was adopted or signed
  summary     TEXT NOT NULL,                   -- what it was, our words
  verb        TEXT CHECK (verb GLOB '[a-z]*' AND verb NOT GLOB '*[^a-z ]*'),  -- what the article says was done with it ("announced", "presented"), when its kind's word would say more
  subject TEXT CHECK (subject GLOB '[a-z0-9]*' AND subject NOT GLOB '*[^a-z0-9-]*'),  -- one happening (fact_subjects)
  support TEXT NOT NULL DEFAULT 'stated' CHECK (support IN ('stated', 'general', 'inferred')),
  support_note TEXT,          -- why, when support is not 'stated' (required then)
  source      TEXT NOT NULL REFERENCES sources(id),
  y0 INTEGER GENERATED ALWAYS AS (CAST(substr(ltrim(date, '~'), 1, 4) AS INTEGER)) STORED,
  y1 INTEGER GENERATED ALWAYS AS (CASE WHEN instr(date, '..') > 0
        THEN CAST(substr(date, instr(date, '..') + 2, 4) AS INTEGER)
        ELSE CAST(substr(ltrim(date, '~'), 1, 4) AS INTEGER) END) STORED,
  CHECK ((support = 'stated') = (support_note IS NULL))
);
CREATE INDEX initiatives_stage ON initiatives(stage);
CREATE INDEX initiatives_subject ON initiatives(subject);
CREATE INDEX initiatives_name ON initiatives(name);

-- The countries a fact involves, with the part they play. fact is the id of
-- a row in events, figures, people, organizations, places or initiatives;
-- the course loader checks that it exists.
CREATE TABLE fact_countries (
  fact    TEXT NOT NULL,
  country TEXT NOT NULL REFERENCES countries(id),
  role    TEXT NOT NULL DEFAULT 'involved' CHECK (role IN ('involved', 'recipient',
             'donor', 'host', 'visited', 'member', 'absent', 'subject')),
  PRIMARY KEY (fact, country, role)
) WITHOUT ROWID;
CREATE INDEX fact_countries_country ON fact_countries(country, role);

-- Other spellings a typed answer may use for a fact's name (Nur-Sultan for
-- Astana, Rahmon for Rakhmon), each supported by a footnote or by the article.
CREATE TABLE aliases (
  fact   TEXT NOT NULL,
  alias  TEXT NOT NULL,
  PRIMARY KEY (fact, alias)
) WITHOUT ROWID;

-- Terms a student meets, defined in our words.
CREATE TABLE glossary (
  id         TEXT PRIMARY KEY,
  term       TEXT NOT NULL UNIQUE,
  definition TEXT NOT NULL,
  source     TEXT REFERENCES sources(id)
);

-- Authored questions on why and what for, which the fact rows cannot
-- ask: the aims of a policy, what loans were for, what a statement was
-- meant to do, which of two equal figures is which. Our own words, the
-- wrong options written by us and false by the article, each about a
-- fact row (fact: its stage, lesson paragraph and review) and cited.
CREATE TABLE claims (
  id       TEXT PRIMARY KEY,
  stage    TEXT NOT NULL REFERENCES stages(id),
  fact     TEXT NOT NULL,      -- the fact row it is about (checked by the loader)
  question TEXT NOT NULL,
  answer   TEXT NOT NULL,
  wrong1   TEXT NOT NULL,
  wrong2   TEXT NOT NULL,
  wrong3   TEXT,
  explain  TEXT NOT NULL,      -- why the answer is right, and the wrong ones wrong
  source   TEXT NOT NULL REFERENCES sources(id)
);
CREATE INDEX claims_stage ON claims(stage);

-- Lesson paragraphs, filled by the course loader from data/lessons/<stage>.txt
-- (not from CSV). text holds the lesson markup, see doc/course-format.md.
CREATE TABLE lessons (
  stage TEXT NOT NULL REFERENCES stages(id),
  para  INTEGER NOT NULL CHECK (para > 0),
  text  TEXT NOT NULL,
  PRIMARY KEY (stage, para)
) WITHOUT ROWID;

-- Every reference a lesson paragraph makes, resolved at load time.
CREATE TABLE lesson_refs (
  stage  TEXT NOT NULL,
  para   INTEGER NOT NULL,
  kind   TEXT NOT NULL CHECK (kind IN ('fact', 'note', 'term')),
  target TEXT NOT NULL,
  FOREIGN KEY (stage, para) REFERENCES lessons(stage, para)
);
CREATE INDEX lesson_refs_target ON lesson_refs(target);

-- Every fact, whatever its table: what the quiz generator, the fact cards
-- and the spaced-review queue read.
CREATE VIEW facts AS
  SELECT id, 'event' AS kind, stage, title AS name, source, support FROM events
  UNION ALL SELECT id, 'figure', stage, label, source, support FROM figures
  UNION ALL SELECT id, 'person', stage, name, source, support FROM people
  UNION ALL SELECT id, 'organization', stage, name, source, support FROM organizations
  UNION ALL SELECT id, 'place', stage, name, source, support FROM places
  UNION ALL SELECT id, 'initiative', stage, name, source, support FROM initiatives;

-- The subject of a fact: rows of every table that tell of one happening
-- (the 2015 tour: the visit, its $27 billion, Abe, the Galkynysh field)
-- share a subject slug. One question of a quiz shows enough of its subject
-- to answer another on it, so a quiz asks one fact per subject
-- (quiz.c). A row without a subject is its own.
CREATE VIEW fact_subjects AS
  SELECT id, subject FROM events WHERE subject IS NOT NULL
  UNION ALL SELECT id, subject FROM figures WHERE subject IS NOT NULL
  UNION ALL SELECT id, subject FROM people WHERE subject IS NOT NULL
  UNION ALL SELECT id, subject FROM organizations WHERE subject IS NOT NULL
  UNION ALL SELECT id, subject FROM places WHERE subject IS NOT NULL
  UNION ALL SELECT id, subject FROM initiatives WHERE subject IS NOT NULL;

-- About the build itself: the course folder it came from and the
-- fingerprint of its files, so a changed folder triggers a rebuild.
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT
) WITHOUT ROWID;
