/**
 * A planned import, staged in a file of its own (never the store): the questions as they will be written, their
 * keyword links by label, and the keywords with the aliases the import adds. Writing it takes the work of turning
 * 20,000 parsed questions into rows; the store's one short transaction then copies it in SQL (import-apply.ts).
 */
import type { KeywordSpec } from '../../shared/domain';
import type { PlannedStep } from '../core/import/plan';
import { stringList } from './columns';
import type { Db } from './db';
import type { ImportDestination } from './transfer';

const STAGING_SCHEMA = `
  CREATE TABLE staged_import (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    destination TEXT NOT NULL,
    deck_name TEXT NOT NULL,
    created INTEGER NOT NULL,
    updated INTEGER NOT NULL,
    skipped INTEGER NOT NULL,
    complete INTEGER NOT NULL DEFAULT 0
  );
  -- create_no numbers the new questions in order (their ids and positions follow it); question_id is an update's.
  CREATE TABLE staged_questions (
    seq INTEGER PRIMARY KEY,
    create_no INTEGER,
    question_id INTEGER,
    source_key TEXT,
    level TEXT NOT NULL,
    prompt TEXT NOT NULL,
    answer TEXT NOT NULL,
    tags TEXT NOT NULL
  );
  CREATE TABLE staged_links (seq INTEGER NOT NULL, label TEXT NOT NULL, weight INTEGER NOT NULL, position INTEGER NOT NULL);
  -- aliases: what the keyword ends with; seen: the store's aliases when staged (null: a new keyword); added: the
  -- import's own, merged in again should the store's have changed since.
  CREATE TABLE staged_keywords (
    label TEXT PRIMARY KEY COLLATE NOCASE,
    aliases TEXT NOT NULL,
    seen TEXT,
    added TEXT NOT NULL
  );
`;

interface StagedKeyword {
  label: string;
  aliases: string[];
  seen: string | null;
  added: string[];
}

/** Writes a plan into an empty staging database, a chunk of steps at a time (see `stage.write`). */

/**
 * A keyword's label as the store tells labels apart (`keywords.label` is COLLATE NOCASE, which folds ASCII letters
 * only): "Index" and "index" are one keyword, "Ärger" and "ärger" are two, as upsertKeyword has them.
 */
function nocase(label: string): string {
  return label.replace(/[A-Z]/g, (c) => c.toLowerCase());
}

export function startStaging(
  stage: Db,
  store: Db,
  plan: { destination: ImportDestination; deckName: string; counts: { create: number; update: number; skip: number } },
): { write(steps: readonly PlannedStep[]): void; finish(): void } {
  stage.exec(STAGING_SCHEMA);
  stage
    .prepare(
      'INSERT INTO staged_import (id, destination, deck_name, created, updated, skipped) VALUES (1, ?, ?, ?, ?, ?)',
    )
    .run(JSON.stringify(plan.destination), plan.deckName, plan.counts.create, plan.counts.update, plan.counts.skip);
  const insertQuestion = stage.prepare(
    `INSERT INTO staged_questions (seq, create_no, question_id, source_key, level, prompt, answer, tags)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertLink = stage.prepare('INSERT INTO staged_links (seq, label, weight, position) VALUES (?, ?, ?, ?)');
  const storeAliases = store.prepare<[string], { aliases: string }>('SELECT aliases FROM keywords WHERE label = ?');
  const keywords = new Map<string, StagedKeyword>();
  let seq = 0;
  let creates = 0;

  /** As upsertKeyword merges: a new keyword takes the first aliases given, then each mention adds those it lacks. */
  const mention = (spec: KeywordSpec): void => {
    const key = nocase(spec.label);
    let k = keywords.get(key);
    if (!k) {
      const existing = storeAliases.get(spec.label);
      if (!existing) {
        keywords.set(key, { label: spec.label, aliases: [...spec.aliases], seen: null, added: [...spec.aliases] });
        return;
      }
      k = { label: spec.label, aliases: stringList(existing.aliases), seen: existing.aliases, added: [] };
      keywords.set(key, k);
    }
    const known = new Set(k.aliases.map((a) => a.toLowerCase()));
    const added = spec.aliases.filter((a) => !known.has(a.toLowerCase()));
    k.aliases.push(...added);
    k.added.push(...added);
  };

  const writeStep = (step: PlannedStep): void => {
    if (step.action !== 'create' && step.action !== 'update') return;
    const q = step.question;
    const createNo = step.action === 'create' ? creates++ : null;
    const questionId = step.action === 'update' ? step.id : null;
    const key = step.action === 'create' ? step.key : null;
    insertQuestion.run(seq, createNo, questionId, key, q.level, q.prompt, q.answer, JSON.stringify(q.tags));
    // A keyword named twice is linked once, at its first mention (INSERT OR IGNORE in the store).
    const linked = new Set<string>();
    q.keywords.forEach((spec, position) => {
      mention(spec);
      if (linked.has(nocase(spec.label))) return;
      linked.add(nocase(spec.label));
      insertLink.run(seq, spec.label, spec.weight, position);
    });
    seq++;
  };

  return {
    /** Stages the next steps, in order, in one transaction of the staging file. */
    write: stage.transaction((steps: readonly PlannedStep[]) => steps.forEach(writeStep)),
    /** The keywords, then the mark that the staging is whole: only a complete one is ever applied. */
    finish: stage.transaction(() => {
      const insert = stage.prepare('INSERT INTO staged_keywords (label, aliases, seen, added) VALUES (?, ?, ?, ?)');
      for (const k of keywords.values()) {
        insert.run(k.label, JSON.stringify(k.aliases), k.seen, JSON.stringify(k.added));
      }
      stage.prepare('UPDATE staged_import SET complete = 1').run();
    }),
  };
}
