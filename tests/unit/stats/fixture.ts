/**
 * What the stats tests share: a small hand-built history of answers written straight into a store, and its api.
 * Every expected number in the tests is worked out by hand from the table in `history()`, not copied from the output.
 */
import { beforeEach } from 'vitest';
import { callApi } from '../harness';
import { createApi, type Handlers } from '../../../src/main/api';
import { openMemoryDb, type Db } from '../../../src/main/store/database';
import type { InputOf, ResultOf, CallName } from '../../../src/shared/api';

process.env['TZ'] = 'UTC';

export const DAY = 86_400_000;
export const HOUR = 3_600_000;
/** 2026-05-27, a Wednesday. */
export const T = 20_600;
export const NOW = T * DAY + 15 * HOUR;

export const D1 = 1; // Django
export const D2 = 2; // SQL
export const Q1 = 1; // Django, Beginner
export const Q2 = 2; // Django, Advanced
export const Q3 = 3; // SQL, Intermediate
export const ORM = 1;
export const CACHING = 2;
export const INDEX = 3;

export interface A {
  id: number;
  session: number;
  question: number;
  deck: number;
  level: string;
  day: number;
  hour: number;
  allowed: number;
  used: number;
  outcome: 'answered' | 'timed_out' | 'skipped';
  score: number | null;
  grade: number | null;
  hits: Array<[keyword: number, hit: 0 | 1]>;
}

/**
 * The history:
 *
 * | attempt | session (status, day)  | question     | outcome   | used/allowed | score | grade | ORM | caching | index |
 * | a1      | s1 finished, T−40      | q1 Beginner  | answered  | 30/60 s      | 0.5   | 3     | hit | miss    |       |
 * | a2      | s1                      | q2 Advanced  | timed out | 120/120 s    | 0     | 2     |     | miss    | miss  |
 * | a3      | s2 ended early, T−3    | q2 Advanced  | answered  | 60/120 s     | 1/3   | 4 (2 first) | hit | miss | miss |
 * | a4      | s2                      | q3 Intermed. | skipped   | 45/90 s      | —     | 1     |     |         |       |
 * | a5      | s3 finished, T         | q1 Beginner  | answered  | 20/60 s      | 1     | 4     | hit | hit     |       |
 * | a6      | s4 still active, T     | q3 Intermed. | answered  | 90/90 s      | 0.5   | —     |     | miss    | hit   |
 */
export const ATTEMPTS: A[] = [
  {
    id: 1,
    session: 1,
    question: Q1,
    deck: D1,
    level: 'Beginner',
    day: T - 40,
    hour: 9,
    allowed: 60_000,
    used: 30_000,
    outcome: 'answered',
    score: 0.5,
    grade: 3,
    hits: [
      [ORM, 1],
      [CACHING, 0],
    ],
  },
  {
    id: 2,
    session: 1,
    question: Q2,
    deck: D1,
    level: 'Advanced',
    day: T - 40,
    hour: 9.1,
    allowed: 120_000,
    used: 120_000,
    outcome: 'timed_out',
    score: 0,
    grade: 2,
    hits: [
      [CACHING, 0],
      [INDEX, 0],
    ],
  },
  {
    id: 3,
    session: 2,
    question: Q2,
    deck: D1,
    level: 'Advanced',
    day: T - 3,
    hour: 18,
    allowed: 120_000,
    used: 60_000,
    outcome: 'answered',
    score: 1 / 3,
    grade: 4,
    hits: [
      [ORM, 1],
      [CACHING, 0],
      [INDEX, 0],
    ],
  },
  {
    id: 4,
    session: 2,
    question: Q3,
    deck: D2,
    level: 'Intermediate',
    day: T - 3,
    hour: 18.1,
    allowed: 90_000,
    used: 45_000,
    outcome: 'skipped',
    score: null,
    grade: 1,
    hits: [],
  },
  {
    id: 5,
    session: 3,
    question: Q1,
    deck: D1,
    level: 'Beginner',
    day: T,
    hour: 10,
    allowed: 60_000,
    used: 20_000,
    outcome: 'answered',
    score: 1,
    grade: 4,
    hits: [
      [ORM, 1],
      [CACHING, 1],
    ],
  },
  {
    id: 6,
    session: 4,
    question: Q3,
    deck: D2,
    level: 'Intermediate',
    day: T,
    hour: 11,
    allowed: 90_000,
    used: 90_000,
    outcome: 'answered',
    score: 0.5,
    grade: null,
    hits: [
      [INDEX, 1],
      [CACHING, 0],
    ],
  },
];
export const SESSIONS: Array<[id: number, status: string, day: number, hour: number, plan: number[]]> = [
  [1, 'finished', T - 40, 9, [Q1, Q2]],
  [2, 'ended', T - 3, 18, [Q2, Q3, Q1]],
  [3, 'finished', T, 10, [Q1]],
  [4, 'active', T, 11, [Q3, Q2]],
];
export const at = (a: A): number => a.day * DAY + a.hour * HOUR;

/** Writes the history the way the app does: attempts ungraded first, keyword rows, then grades (a3 graded 2, then regraded 4). */
export function history(db: Db): void {
  db.exec(`
    INSERT INTO decks (id, name, levels, created_at, updated_at) VALUES
      (1, 'Django', '["Beginner","Intermediate","Advanced","Scenario"]', 0, 0),
      (2, 'SQL', '["Beginner","Intermediate","Advanced","Scenario"]', 0, 0);
    INSERT INTO questions (id, deck_id, level, prompt, answer, position, created_at, updated_at) VALUES
      (1, 1, 'Beginner', 'What is the ORM?', '', 0, 0, 0),
      (2, 1, 'Advanced', 'How would you cache a slow view?', '', 1, 0, 0),
      (3, 2, 'Intermediate', 'When does an index help?', '', 0, 0, 0);
    INSERT INTO keywords (id, label) VALUES (1, 'ORM'), (2, 'caching'), (3, 'index');
  `);
  const session = db.prepare(
    `INSERT INTO sessions (id, config, plan, status, started_at, ended_at) VALUES (?, '{}', ?, ?, ?, ?)`,
  );
  for (const [id, status, day, hour, plan] of SESSIONS) {
    session.run(
      id,
      JSON.stringify(plan),
      status,
      day * DAY + hour * HOUR,
      status === 'active' ? null : day * DAY + (hour + 1) * HOUR,
    );
  }
  const attempt = db.prepare(
    `INSERT INTO attempts (id, session_id, question_id, deck_id, level, position, started_at, deadline, answered_at, day,
                           time_allowed_ms, time_used_ms, outcome, mode, keyword_score)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'write', ?)`,
  );
  const hit = db.prepare('INSERT INTO attempt_keywords (attempt_id, keyword_id, hit) VALUES (?, ?, ?)');
  const grade = db.prepare('UPDATE attempts SET self_grade = ?, graded_at = ? WHERE id = ?');
  for (const a of ATTEMPTS) {
    const position = ATTEMPTS.filter((b) => b.session === a.session && b.id < a.id).length;
    attempt.run(
      a.id,
      a.session,
      a.question,
      a.deck,
      a.level,
      position,
      at(a) - a.used,
      at(a) - a.used + a.allowed,
      at(a),
      a.day,
      a.allowed,
      a.used,
      a.outcome,
      a.score,
    );
    for (const [k, h] of a.hits) hit.run(a.id, k, h);
    if (a.id === 3) grade.run(2, at(a), a.id);
    if (a.grade !== null) grade.run(a.grade, at(a), a.id);
  }
}

export let db: Db;
export let api: Handlers;

export const call = <K extends CallName>(name: K, input?: InputOf<K>): Promise<ResultOf<K>> =>
  callApi(api, name, input);

/** A store in memory with the known history, and its api, before each test. */
export function useKnownHistory(): void {
  beforeEach(() => {
    db = openMemoryDb();
    history(db);
    api = createApi(db, { now: () => NOW });
  });
}
