/**
 * A reproducible synthetic practice history: decks, questions, keywords, sessions, attempts and
 * keyword hits over two years, written through the real schema (so the stats triggers run).
 *
 * The shape follows how a person studies: about one deck per 5,000 answers (200 decks at 1M), each
 * studied intensively for about two months after it is picked up and reviewed now and then later;
 * sessions of 5–15 questions; skill that grows with practice; self-grades that run ahead of the
 * keywords named on Advanced and Scenario questions.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseDeckMarkdown } from '../../src/main/core/deck-markdown';
import { seededRandom } from '../../src/main/core/planning';
import Database from 'better-sqlite3';
import type { Db } from '../../src/main/store/database';
import { insertDeck } from '../../src/main/store/decks';
import { migrations } from '../../src/main/store/migrations';
import { insertQuestion } from '../../src/main/store/questions';

export const LEVELS = ['Beginner', 'Intermediate', 'Advanced', 'Scenario'] as const;
const PER_LEVEL = [10, 10, 9, 6];
const ALLOWED_S = [60, 90, 120, 180];
const SHARED_KEYWORDS = 400;
const DECK_KEYWORDS = 60;
const DAY_MS = 86_400_000;
const HISTORY_DAYS = 730;

export interface GeneratedHistory {
  decks: number;
  questions: number;
  keywords: number;
  sessions: number;
  attempts: number;
  keywordRows: number;
  /** The last day of the history: "today" for the stats calls. */
  today: number;
  /** An instant during `today`, after the last answer. */
  now: number;
}

interface Question {
  id: number;
  deckId: number;
  levelIndex: number;
  keywords: number[];
}

/** The seeded random source, and a pick from a list drawn from it. */
interface Random {
  rand: () => number;
  pick: <T>(list: readonly T[]) => T;
}

/** The bank: shared keywords, then each deck with its own vocabulary and its questions, each keyword's skill. */
function writeBank(
  db: Db,
  deckCount: number,
  { rand, pick }: Random,
): { questions: Question[]; skill: Map<number, number>; keywords: number } {
  const insertDeck = db.prepare(
    'INSERT INTO decks (id, name, description, levels, created_at, updated_at) VALUES (?, ?, ?, ?, 0, 0)',
  );
  const insertKeyword = db.prepare('INSERT INTO keywords (id, label) VALUES (?, ?)');
  const insertQuestion = db.prepare(
    `INSERT INTO questions (id, deck_id, level, prompt, answer, position, created_at, updated_at)
     VALUES (?, ?, ?, ?, '', ?, 0, 0)`,
  );
  const insertLink = db.prepare(
    'INSERT OR IGNORE INTO question_keywords (question_id, keyword_id, weight, position) VALUES (?, ?, 1, ?)',
  );

  const questions: Question[] = [];
  const skill = new Map<number, number>();
  let keywordId = 0;
  db.transaction(() => {
    for (let i = 0; i < SHARED_KEYWORDS; i++) {
      insertKeyword.run(++keywordId, `shared-${i}`);
      skill.set(keywordId, 0.25 + rand() * 0.6);
    }
    let questionId = 0;
    for (let d = 1; d <= deckCount; d++) {
      insertDeck.run(d, `Deck ${d}`, `Synthetic deck ${d}`, JSON.stringify(LEVELS));
      const vocabulary: number[] = [];
      for (let i = 0; i < DECK_KEYWORDS; i++) {
        insertKeyword.run(++keywordId, `deck${d}-kw${i}`);
        skill.set(keywordId, 0.2 + rand() * 0.7);
        vocabulary.push(keywordId);
      }
      let position = 0;
      LEVELS.forEach((level, levelIndex) => {
        for (let n = 0; n < PER_LEVEL[levelIndex]!; n++) {
          const id = ++questionId;
          insertQuestion.run(id, d, level, `Deck ${d} ${level} question ${n + 1}`, position++);
          const count = 3 + Math.floor(rand() * 4);
          const keywords = new Set<number>();
          while (keywords.size < count) {
            // Shared keywords follow a skewed popularity: a few ("caching") are everywhere.
            keywords.add(rand() < 0.7 ? pick(vocabulary) : 1 + Math.floor(SHARED_KEYWORDS * rand() ** 2));
          }
          [...keywords].forEach((k, i) => insertLink.run(id, k, i));
          questions.push({ id, deckId: d, levelIndex, keywords: [...keywords] });
        }
      });
    }
  })();
  return { questions, skill, keywords: keywordId };
}

/** When the sessions happen: each session's size and day (in order), and how many sessions fall on each day. */
function scheduleSessions(
  attempts: number,
  firstDay: number,
  today: number,
  { rand, pick }: Random,
): { sizes: number[]; sessionDays: number[]; sessionsOn: Map<number, number> } {
  // Practice days: most days, a little more often lately.
  const days: number[] = [];
  for (let day = firstDay; day <= today; day++) {
    if (day === today || rand() < 0.7 + 0.2 * ((day - firstDay) / HISTORY_DAYS)) days.push(day);
  }
  // Sessions of 5–15 questions, as many as make exactly `attempts`.
  const sizes: number[] = [];
  for (let total = 0; total < attempts; total += sizes.at(-1)!) {
    sizes.push(Math.min(5 + Math.floor(rand() * 11), attempts - total));
  }
  const sessionCount = sizes.length;
  const sessionDays = Array.from({ length: sessionCount }, () => pick(days)).sort((a, b) => a - b);
  sessionDays[sessionDays.length - 1] = today;
  const sessionsOn = new Map<number, number>();
  for (const day of sessionDays) sessionsOn.set(day, (sessionsOn.get(day) ?? 0) + 1);
  return { sizes, sessionDays, sessionsOn };
}

/** The deck a session on `day` practises: mostly one being studied now, else any picked up by then. */
function chooseDeck(day: number, deckCount: number, studyStart: number[], { rand, pick }: Random): number {
  const focus = [];
  for (let d = 1; d <= deckCount; d++) {
    if (day >= studyStart[d]! && day < studyStart[d]! + 60) focus.push(d);
  }
  const started = [];
  for (let d = 1; d <= deckCount && studyStart[d]! <= day; d++) started.push(d);
  return focus.length > 0 && (rand() < 0.8 || started.length === 0)
    ? pick(focus)
    : pick(started.length ? started : [1]);
}

interface Answer {
  allowed: number;
  used: number;
  outcome: 'skipped' | 'timed_out' | 'answered';
  /** [keyword, hit] per keyword named (none when skipped). */
  rows: Array<[number, number]>;
  score: number | null;
  grade: number | null;
}

/** How one question goes: skipped, timed out or answered; the keywords named, as skill and progress allow; the self-grade. */
function answerQuestion(q: Question, progress: number, skill: Map<number, number>, rand: () => number): Answer {
  const allowed = ALLOWED_S[q.levelIndex]! * 1000;
  const roll = rand();
  const outcome = roll < 0.04 ? 'skipped' : roll < 0.13 ? 'timed_out' : 'answered';
  const used = outcome === 'timed_out' ? allowed : Math.floor(allowed * (0.25 + rand() * 0.7));
  let hits = 0;
  const rows: Array<[number, number]> = [];
  if (outcome !== 'skipped') {
    for (const k of q.keywords) {
      const p = skill.get(k)! + 0.25 * progress - 0.07 * q.levelIndex;
      const hit = rand() < p ? 1 : 0;
      hits += hit;
      rows.push([k, hit]);
    }
  }
  const score = outcome === 'skipped' ? null : hits / q.keywords.length;
  const bias = q.levelIndex >= 2 ? 0.18 : 0;
  const grade =
    rand() < 0.05
      ? null
      : score === null
        ? 1
        : Math.min(4, Math.max(1, Math.round(1 + 3 * (score + bias + (rand() - 0.5) * 0.3))));
  return { allowed, used, outcome, rows, score, grade };
}

export function generateHistory(db: Db, attempts: number, seed = 42, today = 20_600): GeneratedHistory {
  const rand = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const random: Random = { rand, pick };
  const deckCount = Math.max(2, Math.round(attempts / 5000));
  const firstDay = today - HISTORY_DAYS + 1;

  const { questions, skill, keywords } = writeBank(db, deckCount, random);

  const byDeck = new Map<number, Question[]>();
  for (const q of questions) byDeck.set(q.deckId, [...(byDeck.get(q.deckId) ?? []), q]);
  // Deck d is picked up on studyStart[d] and studied for about 60 days.
  const studyStart = Array.from({ length: deckCount + 1 }, (_, d) =>
    Math.floor(firstDay - 20 + ((d - 1) / deckCount) * (HISTORY_DAYS - 10)),
  );

  const { sizes, sessionDays, sessionsOn } = scheduleSessions(attempts, firstDay, today, random);

  const insertSession = db.prepare(
    `INSERT INTO sessions (id, config, plan, status, started_at, cursor) VALUES (?, '{}', ?, ?, ?, ?)`,
  );
  const endSession = db.prepare('UPDATE sessions SET ended_at = ? WHERE id = ?');
  const insertAttempt = db.prepare(
    `INSERT INTO attempts (id, session_id, question_id, deck_id, level, position, started_at, deadline, answered_at, day,
                           time_allowed_ms, time_used_ms, outcome, mode, answer, keyword_score, self_grade, graded_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'write', '', ?, ?, ?)`,
  );
  const insertHit = db.prepare('INSERT INTO attempt_keywords (attempt_id, keyword_id, hit) VALUES (?, ?, ?)');

  let attemptId = 0;
  let keywordRows = 0;
  let sessionId = 0;
  let lastAnswer = 0;
  let currentDay = -1;
  let dayFirstIndex = 0;
  const BATCH = 2000;
  for (let batch = 0; batch < sessionDays.length && attemptId < attempts; batch += BATCH) {
    db.transaction(() => {
      for (let i = batch; i < Math.min(batch + BATCH, sessionDays.length) && attemptId < attempts; i++) {
        const day = sessionDays[i]!;
        if (day !== currentDay) [currentDay, dayFirstIndex] = [day, i];
        const sameDayBefore = i - dayFirstIndex;
        const deckId = chooseDeck(day, deckCount, studyStart, random);
        const pool = byDeck.get(deckId)!;
        const size = Math.min(sizes[i]!, pool.length);
        const plan = [...pool].sort(() => rand() - 0.5).slice(0, size);
        const id = ++sessionId;
        const last = attemptId + size >= attempts;
        // Local time is UTC here (run.ts sets TZ): day * DAY_MS is local midnight. A day's sessions start
        // between 07:00 and 23:00, so every answer falls on the session's day.
        const gap = Math.min(30 * 60_000, (16 * 3_600_000) / sessionsOn.get(day)!);
        const startedAt = day * DAY_MS + 7 * 3_600_000 + Math.floor(sameDayBefore * gap + rand() * gap * 0.5);
        const status = last ? 'active' : rand() < 0.05 ? 'ended' : 'finished';
        insertSession.run(id, JSON.stringify(plan.map((q) => q.id)), status, startedAt, plan.length);
        let at = startedAt;
        const progress = Math.min(1, Math.max(0, (day - studyStart[deckId]!) / 90));
        plan.forEach((q, position) => {
          const { allowed, used, outcome, rows, score, grade } = answerQuestion(q, progress, skill, rand);
          const questionStart = at;
          at += used + 5000;
          const aId = ++attemptId;
          insertAttempt.run(
            aId,
            id,
            q.id,
            q.deckId,
            LEVELS[q.levelIndex]!,
            position,
            questionStart,
            questionStart + allowed,
            at,
            day,
            allowed,
            used,
            outcome,
            score,
            grade,
            grade === null ? null : at + 2000,
          );
          for (const [k, hit] of rows) insertHit.run(aId, k, hit);
          keywordRows += rows.length;
          lastAnswer = at;
        });
        if (status !== 'active') endSession.run(at, id);
      }
    })();
  }

  return {
    decks: deckCount,
    questions: questions.length,
    keywords,
    sessions: sessionId,
    attempts: attemptId,
    keywordRows,
    today,
    now: Math.max(lastAnswer + 60_000, today * DAY_MS + 12 * 3_600_000),
  };
}

/**
 * A deck of `count` questions, the bundled Django deck's (keywords, tags, code blocks) over and over, each prompt
 * made unique, written through the store's own functions; its id. A big imported bank, for the deck export.
 */
export function generateDeck(db: Db, count: number, now: number): number {
  const django = parseDeckMarkdown(fs.readFileSync(path.resolve('resources/decks/django.md'), 'utf8'));
  return db.transaction(() => {
    const deckId = insertDeck(db, { name: 'Big deck', description: django.description, levels: django.levels }, now);
    for (let i = 0; i < count; i++) {
      const q = django.questions[i % django.questions.length]!;
      insertQuestion(db, deckId, { ...q, key: `q${i}`, prompt: `${q.prompt} (${i})` }, i, now);
    }
    return deckId;
  })();
}

/** A store as the first release wrote it: schema 1, no stats rollups yet (fast pragmas: a benchmark's scratch file). */
export function openVersion1(file: string): Db {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144');
  db.pragma('foreign_keys = ON');
  db.transaction(() => {
    migrations[0]!.up(db);
    db.pragma('user_version = 1');
  })();
  return db;
}

/**
 * A deck of `n` questions in the importable Markdown format, or as CSV. `padding` is added to each Markdown answer
 * (a paragraph of it makes a file of realistic size: 20,000 such questions come to about 20 MB).
 */
export function importText(n: number, format: 'markdown' | 'csv', tag: string, padding = ''): string {
  const levels = ['Beginner', 'Intermediate', 'Advanced', 'Scenario'];
  if (format === 'csv') {
    const rows = ['Question,Answer,Level,Keywords'];
    for (let i = 0; i < n; i++) {
      rows.push(
        `"${tag} question ${i}: how does part ${i} work?","It works through mechanism ${i % 97} and cache ${i % 13}.",` +
          `${levels[i % 4]},"mechanism ${i % 97}; cache ${i % 13}"`,
      );
    }
    return `${rows.join('\n')}\n`;
  }
  const lines = [`# ${tag}`, '', 'Levels: Beginner, Intermediate, Advanced, Scenario', ''];
  for (const level of levels) {
    lines.push(`## ${level}`, '');
    for (let i = levels.indexOf(level); i < n; i += 4) {
      lines.push(
        `### ${tag} question ${i}: how does part ${i} work?`,
        '',
        `Keywords: mechanism ${i % 97}; cache ${i % 13} | caching`,
        '',
        `It works through **mechanism ${i % 97}** and cache ${i % 13}.${padding ? ` ${padding}` : ''}`,
        '',
      );
    }
  }
  return lines.join('\n');
}

/** A sentence of an answer, nine times over: a paragraph, as a real deck's answers are. */
const PARAGRAPH = 'It keeps a cache in front of the index, so that a read seldom reaches the disk, and explains why. '
  .repeat(9)
  .trimEnd();

/** A large deck in the importable Markdown, each answer a paragraph: about 1 MB a thousand questions. */
export function bigImportText(n: number, tag: string): string {
  return importText(n, 'markdown', tag, PARAGRAPH);
}
