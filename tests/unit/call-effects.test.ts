/**
 * The renderer refetches, after each write, only the reads src/shared/call-effects.ts maps it to. This runs every
 * write against a real store and checks that each read the map leaves out answers exactly as it did before.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CallName, InputOf, ResultOf } from '../../src/shared/api';
import { READ_CALLS, WRITE_EFFECTS, type ReadCall, type WriteCall } from '../../src/shared/call-effects';
import { createApi, type Handlers } from '../../src/main/api';
import { dispatch } from '../../src/main/api/dispatch';
import type { Db } from '../../src/main/store/database';
import { callApi, firstEditionDjango, memoryApi } from './harness';

const START = Date.UTC(2026, 2, 10, 9, 0, 0);
let t = START;
const clock = { now: () => t };

interface World {
  db: Db;
  api: Handlers;
  dir: string;
  deckId: number;
  questionId: number;
  /** Ended, with two graded answers. */
  endedId: number;
  /** Unfinished, its first answer in and not yet graded. */
  activeId: number;
  attemptId: number;
}

const worlds: World[] = [];
afterEach(() => {
  for (const w of worlds.splice(0)) {
    w.db.close();
    fs.rmSync(w.dir, { recursive: true, force: true });
  }
});

const call = <K extends CallName>(w: World, name: K, input?: InputOf<K>): Promise<ResultOf<K>> =>
  callApi(w.api, name, input);

const SMALL_DECK = `# Tiny

Levels: Junior

## Junior

### What is a queryset?

Keywords: lazy; chainable

A lazy, chainable query.
`;

/** A store with history: a finished session, graded, and an unfinished one waiting for a grade. */
async function buildWorld(): Promise<World> {
  t = START;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prepdeck-effects-'));
  const picked = path.join(dir, 'picked.md');
  fs.writeFileSync(picked, SMALL_DECK);
  const { db } = memoryApi(clock, START, firstEditionDjango());
  const dialogs = {
    openFile: () => Promise.resolve(picked),
    saveFile: (o: { defaultName: string }) => Promise.resolve(path.join(dir, o.defaultName)),
  };
  const api = createApi(db, clock, { dataDir: dir, dialogs });
  const w = { db, api, dir } as World;
  worlds.push(w);
  w.deckId = (await call(w, 'listDecks'))[0]!.id;
  w.questionId = (await call(w, 'listQuestions', { limit: 1 })).items[0]!.id;
  const answer = async (sessionId: number, position: number, grade: 1 | 2 | 3 | 4 | null) => {
    t += 30_000;
    const view = await call(w, 'submitAnswer', {
      sessionId,
      position,
      answer: 'An answer about the ORM',
      reason: 'answer',
    });
    if (grade !== null) await call(w, 'gradeAttempt', { sessionId, attemptId: view.revealed!.id, grade });
    return view.revealed!.id;
  };
  const ended = await call(w, 'startSession', { count: 3, order: 'escalating' });
  await answer(ended.id, 0, 3);
  await call(w, 'nextQuestion', { sessionId: ended.id });
  await answer(ended.id, 1, 2);
  await call(w, 'endSession', { sessionId: ended.id });
  w.endedId = ended.id;
  t += 60_000;
  w.activeId = (await call(w, 'startSession', { count: 3, order: 'escalating' })).id;
  w.attemptId = await answer(w.activeId, 0, null);
  t += 1_000;
  return w;
}

/** The inputs each read is asked with (getJob needs a running job, and is polled rather than cached). */
const READ_SAMPLES: { [R in Exclude<ReadCall, 'getJob'>]: (w: World) => InputOf<R>[] } = {
  getStoreHealth: () => [undefined],
  libraryOverview: () => [undefined],
  getBankSummary: () => [undefined],
  listDecks: () => [undefined],
  getLibraryFacets: (w) => [{}, { deckId: w.deckId }],
  listQuestions: () => [{ limit: 500 }, { search: 'orm' }],
  getQuestion: (w) => [{ id: w.questionId }],
  getSessionSetup: () => [undefined],
  previewSession: () => [{ count: 5, order: 'escalating' }],
  getActiveSession: () => [undefined],
  getSession: (w) => [{ sessionId: w.activeId }, { sessionId: w.endedId }],
  getSessionResults: (w) => [{ sessionId: w.endedId }, { sessionId: w.activeId }],
  getReviewSummary: () => [undefined],
  listSessions: () => [{}],
  getLevelStats: () => [{}],
  getKeywordStats: () => [{}],
  getActivityStats: () => [{}],
  getQuestionStats: () => [{}],
  getStatsAttempts: () => [{}],
  getHomeStats: () => [undefined],
  getScorerStatus: () => [undefined],
  getDeckImpact: (w) => [{ id: w.deckId }],
  listRemovedBundledDecks: () => [undefined],
  listDeckKeywords: (w) => [{ deckId: w.deckId }],
  listDeletedQuestions: () => [{}],
  previewImport: (w) => [{ source: { kind: 'text', text: SMALL_DECK }, target: { deckId: w.deckId } }],
  listBackups: () => [undefined],
};

/** Every sampled read's answer (or error) now, as text. */
async function snapshot(w: World): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const [read, inputs] of Object.entries(READ_SAMPLES) as [ReadCall, (w: World) => unknown[]][]) {
    out[read] = [];
    for (const input of inputs(w)) out[read].push(JSON.stringify(await dispatch(w.api, read, input)));
  }
  return out;
}

interface Case {
  /** Brings the store to where the write can run; not part of what is compared. */
  setup?: (w: World) => Promise<unknown>;
  run: (w: World, prepared: unknown) => Promise<unknown>;
}

const next = (w: World) => call(w, 'nextQuestion', { sessionId: w.activeId });
const pickedJob = async (w: World) => (await call(w, 'startHistoryExport'))!.jobId;
async function jobDone(w: World, jobId: string): Promise<void> {
  while ((await call(w, 'getJob', { jobId })).state === 'running') await new Promise((r) => setTimeout(r, 5));
}

/** Each write, run once; both restores replace the whole store, and the map says so (checked below). */
const CASES: { [W in Exclude<WriteCall, 'recoverStore' | 'restoreBackup'>]: Case } = {
  startSession: {
    setup: (w) => call(w, 'endSession', { sessionId: w.activeId }),
    run: (w) => call(w, 'startSession', { count: 2, order: 'escalating' }),
  },
  resumeSession: { run: (w) => call(w, 'resumeSession', { sessionId: w.activeId }) },
  saveDraft: {
    setup: next,
    run: (w) => call(w, 'saveDraft', { sessionId: w.activeId, position: 1, text: 'half an answer' }),
  },
  submitAnswer: {
    setup: next,
    run: (w) =>
      call(w, 'submitAnswer', { sessionId: w.activeId, position: 1, answer: 'select_related joins', reason: 'answer' }),
  },
  gradeAttempt: { run: (w) => call(w, 'gradeAttempt', { sessionId: w.activeId, attemptId: w.attemptId, grade: 4 }) },
  nextQuestion: { run: next },
  pauseSession: { setup: next, run: (w) => call(w, 'pauseSession', { sessionId: w.activeId }) },
  unpauseSession: {
    setup: async (w) => {
      await next(w);
      await call(w, 'pauseSession', { sessionId: w.activeId });
    },
    run: (w) => call(w, 'unpauseSession', { sessionId: w.activeId }),
  },
  endSession: { run: (w) => call(w, 'endSession', { sessionId: w.activeId }) },
  rescoreHistory: {
    setup: async (w) => w.db.prepare('UPDATE attempts SET scorer_version = 0 WHERE scorer_version IS NOT NULL').run(),
    // A job: what it changes is what it has written once it is done.
    run: async (w) => jobDone(w, (await call(w, 'rescoreHistory')).jobId),
  },
  createDeck: { run: (w) => call(w, 'createDeck', { name: 'Postgres' }) },
  updateDeck: { run: (w) => call(w, 'updateDeck', { id: w.deckId, name: 'Django, again' }) },
  deleteDeck: { run: (w) => call(w, 'deleteDeck', { id: w.deckId }) },
  addBundledDeck: {
    setup: (w) => call(w, 'deleteDeck', { id: w.deckId }),
    run: (w) => call(w, 'addBundledDeck', { slug: 'django' }),
  },
  saveQuestion: {
    run: async (w) => {
      const { id, deckId, level, prompt, answer, keywords, tags } = await call(w, 'getQuestion', { id: w.questionId });
      const specs = keywords.map((k) => ({ label: k.label, weight: k.weight }));
      return call(w, 'saveQuestion', {
        id,
        deckId,
        level,
        prompt: `${prompt} (edited)`,
        answer,
        keywords: specs,
        tags,
      });
    },
  },
  deleteQuestion: { run: (w) => call(w, 'deleteQuestion', { id: w.questionId }) },
  restoreQuestion: {
    setup: (w) => call(w, 'deleteQuestion', { id: w.questionId }),
    run: (w) => call(w, 'restoreQuestion', { id: w.questionId }),
  },
  commitImport: {
    run: (w) => call(w, 'commitImport', { source: { kind: 'text', text: SMALL_DECK }, target: { deckId: w.deckId } }),
  },
  startImport: {
    // A job: what it changes is what it has written once it is done.
    run: async (w) =>
      jobDone(
        w,
        (await call(w, 'startImport', { source: { kind: 'text', text: SMALL_DECK }, target: { deckId: w.deckId } }))
          .jobId,
      ),
  },
  chooseImportFile: { run: (w) => call(w, 'chooseImportFile') },
  chooseBackupFile: { run: (w) => call(w, 'chooseBackupFile') },
  startDeckExport: {
    run: async (w) => jobDone(w, (await call(w, 'startDeckExport', { deckId: w.deckId, format: 'csv' }))!.jobId),
  },
  exportBackup: {
    setup: (w) => call(w, 'createBackup'),
    run: (w, backup) => call(w, 'exportBackup', { fileName: (backup as ResultOf<'createBackup'>).fileName }),
  },
  startHistoryExport: { run: async (w) => jobDone(w, await pickedJob(w)) },
  cancelJob: { setup: pickedJob, run: (w, jobId) => call(w, 'cancelJob', { jobId: jobId as string }) },
  createBackup: { run: (w) => call(w, 'createBackup') },
};

describe('what each write changes', () => {
  it('asks every read the same twice without a write (the comparison below is sound)', async () => {
    const w = await buildWorld();
    expect(await snapshot(w)).toEqual(await snapshot(w));
  });

  it('refetches everything after a restore or a recovery, which replace the store', () => {
    expect(new Set(WRITE_EFFECTS.recoverStore)).toEqual(new Set(READ_CALLS));
    expect(new Set(WRITE_EFFECTS.restoreBackup)).toEqual(new Set(READ_CALLS));
  });

  it.each(Object.keys(CASES) as (keyof typeof CASES)[])(
    '%s leaves every read it is not mapped to as it was',
    async (write) => {
      const w = await buildWorld();
      const { setup, run } = CASES[write];
      const prepared = await setup?.(w);
      const before = await snapshot(w);
      await run(w, prepared);
      const after = await snapshot(w);
      const mapped = new Set<string>(WRITE_EFFECTS[write]);
      const changed = Object.keys(before).filter(
        (read) => JSON.stringify(before[read]) !== JSON.stringify(after[read]),
      );
      expect(changed.filter((read) => !mapped.has(read))).toEqual([]);
    },
  );
});
