import type { Migration } from './migration';

const migration: Migration = {
  name: 'initial',
  up(db) {
    db.exec(`
      CREATE TABLE decks (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        levels TEXT NOT NULL DEFAULT '["Beginner","Intermediate","Advanced","Scenario"]',
        bundled_slug TEXT UNIQUE,
        bundled_version INTEGER,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        deleted_at INTEGER
      );
      CREATE UNIQUE INDEX decks_live_name ON decks (name COLLATE NOCASE) WHERE deleted_at IS NULL;

      CREATE TABLE questions (
        id INTEGER PRIMARY KEY,
        deck_id INTEGER NOT NULL REFERENCES decks (id) ON DELETE CASCADE,
        source_key TEXT,
        level TEXT NOT NULL,
        prompt TEXT NOT NULL CHECK (length(trim(prompt)) > 0),
        answer TEXT NOT NULL,
        tags TEXT NOT NULL DEFAULT '[]',
        position INTEGER NOT NULL,
        -- Set when the person edits the question: a newer bundled deck never overwrites it then.
        edited_at INTEGER,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL,
        deleted_at INTEGER
      );
      CREATE UNIQUE INDEX questions_live_prompt ON questions (deck_id, prompt COLLATE NOCASE) WHERE deleted_at IS NULL;
      CREATE UNIQUE INDEX questions_source_key ON questions (deck_id, source_key) WHERE source_key IS NOT NULL;
      CREATE INDEX questions_deck_position ON questions (deck_id, position);

      -- Keywords are shared across decks, so that "Redis" is one weak area wherever it is asked.
      CREATE TABLE keywords (
        id INTEGER PRIMARY KEY,
        label TEXT NOT NULL UNIQUE COLLATE NOCASE,
        aliases TEXT NOT NULL DEFAULT '[]'
      );

      CREATE TABLE question_keywords (
        question_id INTEGER NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
        keyword_id INTEGER NOT NULL REFERENCES keywords (id),
        weight INTEGER NOT NULL DEFAULT 1 CHECK (weight BETWEEN 1 AND 5),
        position INTEGER NOT NULL,
        PRIMARY KEY (question_id, keyword_id)
      ) WITHOUT ROWID;
      CREATE INDEX question_keywords_keyword ON question_keywords (keyword_id, question_id);

      CREATE TABLE sessions (
        id INTEGER PRIMARY KEY,
        config TEXT NOT NULL,
        plan TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('active', 'finished', 'ended')),
        started_at INTEGER NOT NULL,
        ended_at INTEGER,
        -- The question being asked now: its index in plan, when it was put on screen, its deadline.
        cursor INTEGER NOT NULL DEFAULT 0,
        current_started_at INTEGER,
        current_deadline INTEGER,
        paused_at INTEGER,
        current_paused_ms INTEGER NOT NULL DEFAULT 0
      );
      CREATE INDEX sessions_status ON sessions (status, started_at);

      -- Append-only history: one row per question asked, written the moment it is answered,
      -- timed out or skipped. Only the self-grade is filled in afterwards.
      CREATE TABLE attempts (
        id INTEGER PRIMARY KEY,
        session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
        question_id INTEGER NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
        deck_id INTEGER NOT NULL,
        level TEXT NOT NULL,
        position INTEGER NOT NULL,
        started_at INTEGER NOT NULL,
        deadline INTEGER NOT NULL,
        answered_at INTEGER NOT NULL,
        -- Local calendar day (days since 1970-01-01 in the person's time zone), for streaks and activity.
        day INTEGER NOT NULL,
        time_allowed_ms INTEGER NOT NULL,
        time_used_ms INTEGER NOT NULL,
        paused_ms INTEGER NOT NULL DEFAULT 0,
        overtime_ms INTEGER NOT NULL DEFAULT 0,
        outcome TEXT NOT NULL CHECK (outcome IN ('answered', 'timed_out', 'skipped')),
        mode TEXT NOT NULL CHECK (mode IN ('write', 'speak')),
        answer TEXT NOT NULL DEFAULT '',
        keyword_score REAL,
        self_grade INTEGER CHECK (self_grade BETWEEN 1 AND 4),
        graded_at INTEGER,
        UNIQUE (session_id, position)
      );
      CREATE INDEX attempts_question ON attempts (question_id, answered_at);

      CREATE TABLE attempt_keywords (
        attempt_id INTEGER NOT NULL REFERENCES attempts (id) ON DELETE CASCADE,
        keyword_id INTEGER NOT NULL REFERENCES keywords (id),
        hit INTEGER NOT NULL CHECK (hit IN (0, 1)),
        PRIMARY KEY (attempt_id, keyword_id)
      ) WITHOUT ROWID;

      -- The FSRS card of each question: when it is due and how well it is remembered.
      CREATE TABLE review_state (
        question_id INTEGER PRIMARY KEY REFERENCES questions (id) ON DELETE CASCADE,
        card TEXT NOT NULL,
        due INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
      CREATE INDEX review_state_due ON review_state (due);

      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) WITHOUT ROWID;
    `);
  },
};

export default migration;
