/**
 * Verdicts on the reveal and re-scoring the history, through the same validation as the bridge.
 *
 * The scorer is replaced by a stand-in whose verdicts these tests can predict, whichever matcher is
 * underneath (today's, or the rewritten one of the `scorer` branch): it keeps only where the real
 * scorer found each keyword (matchedBy, evidence) and decides itself. An answer that starts with
 * "Terms:" only lists what it names (half credit); a keyword right after "not"/"n't" is negated (no
 * credit); anything else found is named. With `vocabulary` set it plays the older scorer, which gave
 * full credit to every keyword found.
 */
process.env['TZ'] = 'UTC';

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CallName, InputOf, ResultOf } from '../../src/shared/api';
import type { KeywordVerdict, SessionView } from '../../src/shared/session-types';
import type { Handlers } from '../../src/main/api';
import { rescoreApi } from '../../src/main/api/rescore';
import { Jobs } from '../../src/main/jobs/registry';
import type * as Scoring from '../../src/main/core/scoring';
import type { Db } from '../../src/main/store/database';
import { callApi, failureOf, firstEditionDjango, jobFinished, memoryApi } from './harness';

const scorer = vi.hoisted(() => ({ vocabulary: false }));

vi.mock('../../src/main/core/scoring', async (importOriginal) => {
  const real = await importOriginal<typeof Scoring>();
  const scoreAnswer: typeof real.scoreAnswer = (answer, keywords, options) => {
    const weights = new Map(keywords.map((k) => [k.id, k.weight]));
    const listing = /^\s*terms:/i.test(answer);
    let total = 0;
    let earned = 0;
    const hits = real.scoreAnswer(answer, keywords, options).hits.map((h): Scoring.KeywordHit => {
      const weight = weights.get(h.keywordId) ?? 0;
      total += weight;
      let next: Scoring.KeywordHit = {
        ...h,
        verdict: 'missed',
        credit: 0,
        hit: false,
        matchedBy: null,
        evidence: null,
      };
      if (h.matchedBy !== null && h.evidence !== null) {
        const found = { ...h, verdict: h.matchedBy === h.label ? 'named' : 'alias', credit: 1, hit: true } as const;
        if (scorer.vocabulary) next = found;
        else if (/(\bnot|n't)\s+(\w+\s+)?$/i.test(answer.slice(0, h.evidence.start)))
          next = { ...found, verdict: 'negated', credit: 0, hit: false };
        else if (listing) next = { ...found, verdict: 'listed', credit: 0.5, hit: false };
        else next = found;
      }
      earned += weight * next.credit;
      return next;
    });
    return { score: total > 0 ? earned / total : 0, hits };
  };
  return { ...real, scoreAnswer };
});

const S = 1_000;
const DAY = 86_400_000;
const START = Date.UTC(2026, 2, 10, 9, 0, 0);

let t: number;
const clock = { now: () => t };
let db: Db;
let api: Handlers;

beforeEach(() => {
  scorer.vocabulary = false;
  t = START;
  // The frozen first edition of the Django deck: these tests are about scoring, not about the deck.
  ({ db, api } = memoryApi(clock, START, firstEditionDjango()));
});
afterEach(() => {
  if (db.open) db.close();
});

const call = <K extends CallName>(name: K, input?: InputOf<K>, on: Handlers = api): Promise<ResultOf<K>> =>
  callApi(on, name, input);

/** Re-scores the history as the page does: starts the job and polls it to its end. */
async function rescore(on: Handlers = api): Promise<{ rescored: number; changed: number; state: string }> {
  const { jobId } = await call('rescoreHistory', undefined, on);
  const end = await jobFinished(on, jobId);
  return { rescored: end.done, changed: end.changed ?? -1, state: end.state };
}

const idOf = (key: string, on: Db = db): number =>
  on.prepare('SELECT id FROM questions WHERE source_key = ?').pluck().get(key) as number;

/** One question, one answer: a session of its own. */
async function answer(
  key: string,
  text: string,
  options: { reason?: 'answer' | 'timeout' | 'skip'; grade?: 1 | 2 | 3 | 4; mode?: 'write' | 'speak' } = {},
  on: { api: Handlers; db: Db } = { api, db },
): Promise<SessionView> {
  let view = await call(
    'startSession',
    { questionIds: [idOf(key, on.db)], count: 1, order: 'escalating', mode: options.mode ?? 'write' },
    on.api,
  );
  t += options.reason === 'timeout' ? 61 * S : 30 * S;
  view = await call(
    'submitAnswer',
    { sessionId: view.id, position: 0, answer: text, reason: options.reason ?? 'answer' },
    on.api,
  );
  if (options.grade)
    view = await call(
      'gradeAttempt',
      { sessionId: view.id, attemptId: view.revealed!.id, grade: options.grade },
      on.api,
    );
  view = await call('nextQuestion', { sessionId: view.id }, on.api);
  return view;
}

const byLabel = (keywords: KeywordVerdict[]) => Object.fromEntries(keywords.map((k) => [k.label, k]));

describe('the reveal says why', () => {
  it('stores and shows each keyword’s verdict, credit, matched words and evidence, with the scorer version', async () => {
    let view = await call('startSession', {
      questionIds: [idOf('what-is-django')],
      count: 1,
      order: 'escalating',
    });
    const text = 'Terms: MVT architecture, Python framework';
    view = await call('submitAnswer', { sessionId: view.id, position: 0, answer: text, reason: 'answer' });
    const revealed = view.revealed!;
    expect(revealed).toMatchObject({ scorerVersion: 2, scoredByOlderScorer: false });
    // Two of three keywords listed at half credit each: a third of the weight.
    expect(revealed.keywordScore).toBeCloseTo(1 / 3, 12);
    const k = byLabel(revealed.keywords);
    expect(k['MVT architecture']).toMatchObject({
      verdict: 'listed',
      credit: 0.5,
      hit: false,
      matchedBy: 'MVT architecture',
    });
    expect(text.slice(k['MVT architecture']!.evidence!.start, k['MVT architecture']!.evidence!.end)).toBe(
      'MVT architecture',
    );
    expect(k['rapid development']).toMatchObject({
      verdict: 'missed',
      credit: 0,
      hit: false,
      matchedBy: null,
      evidence: null,
    });
    // Stored with the answer: hit keeps meaning "fully named", which the weak-keyword stats count.
    expect(
      db
        .prepare(
          `SELECT k.label, ak.hit, ak.verdict, ak.credit FROM attempt_keywords ak JOIN keywords k ON k.id = ak.keyword_id
            WHERE ak.attempt_id = ? ORDER BY k.label`,
        )
        .all(revealed.id),
    ).toEqual([
      { label: 'MVT architecture', hit: 0, verdict: 'listed', credit: 0.5 },
      { label: 'Python framework', hit: 0, verdict: 'listed', credit: 0.5 },
      { label: 'rapid development', hit: 0, verdict: 'missed', credit: 0 },
    ]);
    expect(db.prepare('SELECT scorer_version FROM attempts WHERE id = ?').pluck().get(revealed.id)).toBe(2);
    // The results page reads the same view.
    const results = await call('getSessionResults', { sessionId: view.id });
    expect(byLabel(results.attempts[0]!.keywords)['Python framework']).toMatchObject({ verdict: 'listed' });
  });

  it('names an alias and a negation, and gives the prompt to the scorer', async () => {
    const spy = vi.spyOn(await import('../../src/main/core/scoring'), 'scoreAnswer');
    const text = "Django doesn't ship quickly, but it is a Python framework.";
    const view = await answer('what-is-django', text, { grade: 2 });
    const results = await call('getSessionResults', { sessionId: view.id });
    const k = byLabel(results.attempts[0]!.keywords);
    expect(k['Python framework']).toMatchObject({
      verdict: 'named',
      credit: 1,
      hit: true,
      matchedBy: 'Python framework',
    });
    expect(k['rapid development']).toMatchObject({
      verdict: 'negated',
      credit: 0,
      hit: false,
      matchedBy: 'ship quickly',
    });
    const e = k['rapid development']!.evidence!;
    expect(text.slice(e.start, e.end)).toBe('ship quickly');
    const prompt = db.prepare('SELECT prompt FROM questions WHERE id = ?').pluck().get(idOf('what-is-django'));
    expect(spy.mock.calls.some(([, , options]) => options?.prompt === prompt)).toBe(true);
    spy.mockRestore();
  });
});

describe('the reveal of answers from before verdicts, skipped and spoken', () => {
  it('reads answers from before verdicts as named or missed, scored by an older scorer', async () => {
    scorer.vocabulary = true;
    const view = await answer('what-is-django', 'Terms: MVT architecture, Python framework');
    db.exec('UPDATE attempts SET scorer_version = 1; UPDATE attempt_keywords SET verdict = NULL, credit = NULL;');
    scorer.vocabulary = false;
    const results = await call('getSessionResults', { sessionId: view.id });
    const a = results.attempts[0]!;
    expect(a).toMatchObject({ scorerVersion: 1, scoredByOlderScorer: true });
    expect(a.keywordScore).toBeCloseTo(2 / 3, 12);
    const k = byLabel(a.keywords);
    // Stored as named; today's scorer would say listed, so no evidence is shown that contradicts the verdict.
    expect(k['MVT architecture']).toMatchObject({
      verdict: 'named',
      credit: 1,
      hit: true,
      matchedBy: 'MVT architecture',
      evidence: null,
    });
    expect(k['rapid development']).toMatchObject({ verdict: 'missed', credit: 0, hit: false, matchedBy: null });
  });

  it('a skipped question stores every keyword as missed, and a spoken answer no verdict and no scorer', async () => {
    const skipped = await answer('what-is-django', 'MVT architecture', { reason: 'skip' });
    const spoken = await answer('migrations', '', { mode: 'speak' });
    const rows = db
      .prepare(
        `SELECT a.session_id, a.scorer_version, ak.verdict, ak.credit FROM attempts a
           LEFT JOIN attempt_keywords ak ON ak.attempt_id = a.id ORDER BY a.id`,
      )
      .all() as Array<{
      session_id: number;
      scorer_version: number | null;
      verdict: string | null;
      credit: number | null;
    }>;
    expect(rows.filter((r) => r.session_id === skipped.id).map((r) => [r.scorer_version, r.verdict, r.credit])).toEqual(
      [
        [null, 'missed', 0],
        [null, 'missed', 0],
        [null, 'missed', 0],
      ],
    );
    expect(rows.filter((r) => r.session_id === spoken.id)).toEqual([
      { session_id: spoken.id, scorer_version: null, verdict: null, credit: null },
    ]);
  });
});

describe('model-answer highlights', () => {
  it('are computed once per question and recomputed when the model answer changes', async () => {
    const scoring = await import('../../src/main/core/scoring');
    const spy = vi.spyOn(scoring, 'findKeywordSpans');
    const view = await answer('what-is-django', 'It is a Python framework.');
    const modelCalls = () => spy.mock.calls.filter(([text]) => text !== 'It is a Python framework.').length;
    const first = await call('getSessionResults', { sessionId: view.id });
    const before = modelCalls();
    for (let i = 0; i < 5; i++) await call('getSessionResults', { sessionId: view.id });
    expect(modelCalls()).toBe(before);
    expect(first.attempts[0]!.modelMentions.length).toBeGreaterThan(0);

    const id = idOf('what-is-django');
    const q = await call('getQuestion', { id });
    await call('saveQuestion', {
      id,
      deckId: q.deckId,
      level: q.level,
      prompt: q.prompt,
      answer: 'Django is a Python framework for perfectionists.',
      tags: q.tags,
      keywords: q.keywords.map((k) => ({ label: k.label, aliases: k.aliases, weight: k.weight })),
    });
    const after = await call('getSessionResults', { sessionId: view.id });
    expect(modelCalls()).toBe(before + 1);
    const python = q.keywords.find((k) => k.label === 'Python framework')!;
    expect(after.attempts[0]!.modelMentions).toEqual([{ keywordId: python.id, text: 'Python framework' }]);
    spy.mockRestore();
  });
});

/** A history over several weeks: listed, negated, named and timed-out answers, a skip and a spoken one. */
async function history(on: { api: Handlers; db: Db }): Promise<number[]> {
  const steps: Array<[string, string, Parameters<typeof answer>[2]]> = [
    ['what-is-django', 'Terms: MVT architecture, Python framework', { grade: 4 }],
    ['what-is-django', 'Django is a Python framework built on the MVT architecture.', { grade: 3 }],
    ['migrations', "You don't need makemigrations; migrate applies the schema evolution.", { grade: 3 }],
    ['migrations', 'Terms: makemigrations, migrate, version control', { reason: 'timeout', grade: 2 }],
    ['what-is-django', 'MVT architecture', { reason: 'skip', grade: 1 }],
    ['migrations', '', { mode: 'speak', grade: 3 }],
    ['what-is-django', 'Not MVT architecture: it is a Python framework for rapid development.', {}],
  ];
  const sessions: number[] = [];
  for (const [i, [key, text, options]] of steps.entries()) {
    t = START + i * 9 * DAY;
    sessions.push((await answer(key, text, options, on)).id);
  }
  t = START + 70 * DAY;
  return sessions;
}

/** Every number the Stats and Home pages and the results show, rounded past floating-point noise. */
async function everyNumber(on: Handlers, sessions: number[]): Promise<unknown> {
  const round = (v: unknown): unknown =>
    typeof v === 'number'
      ? Math.round(v * 1e9) / 1e9
      : Array.isArray(v)
        ? v.map(round)
        : v && typeof v === 'object'
          ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, round(x)]))
          : v;
  const out: Record<string, unknown> = {};
  for (const range of ['all', '30d', '7d'] as const) {
    out[`level ${range}`] = await call('getLevelStats', { range }, on);
    out[`keyword ${range}`] = await call('getKeywordStats', { range }, on);
    out[`activity ${range}`] = await call('getActivityStats', { range }, on);
    out[`questions ${range}`] = await call('getQuestionStats', { range }, on);
  }
  out['home'] = await call('getHomeStats', undefined, on);
  out['sessions'] = await call('listSessions', {}, on);
  for (const id of sessions) out[`results ${id}`] = await call('getSessionResults', { sessionId: id }, on);
  return round(out);
}

const rollupRows = (on: Db) =>
  Object.fromEntries(
    ['stats_attempt_rollup', 'stats_keyword_rollup', 'stats_keyword_totals', 'stats_question_rollup'].map((table) => [
      table,
      (on.prepare(`SELECT * FROM ${table} ORDER BY 1, 2, 3, 4, 5`).all() as Array<Record<string, unknown>>)
        .filter((r) => r['attempts'] !== 0 && r['asked'] !== 0)
        .map((r) =>
          Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'number' ? +v.toFixed(9) : v])),
        ),
    ]),
  );

describe('re-scoring the history', () => {
  it('gives the same stats as a store where the same answers were scored by today’s scorer', async () => {
    // This store: the answers scored by the older scorer (vocabulary only), as a store from before would hold them.
    scorer.vocabulary = true;
    const sessions = await history({ api, db });
    db.exec(
      `UPDATE attempts SET scorer_version = 1 WHERE scorer_version IS NOT NULL;
       UPDATE attempt_keywords SET verdict = NULL, credit = NULL;`,
    );
    scorer.vocabulary = false;
    // The other: the very same answers, at the same times, scored by today's scorer as they came in.
    const fresh = memoryApi(clock, START, firstEditionDjango());
    const freshSessions = await history(fresh);
    expect(freshSessions).toEqual(sessions);

    const old = await everyNumber(api, sessions);
    const target = await everyNumber(fresh.api, sessions);
    expect(old).not.toEqual(target);
    expect(await call('getScorerStatus')).toEqual({ scorerVersion: 2, olderAnswers: 5 });

    const answersBefore = db.prepare('SELECT id, answer, self_grade, outcome FROM attempts ORDER BY id').all();
    // Answers 1, 3, 4 and 7 change (listed or negated); 2 names its keywords either way.
    expect(await rescore()).toEqual({ rescored: 5, changed: 4, state: 'done' });

    expect(await everyNumber(api, sessions)).toEqual(target);
    expect(rollupRows(db)).toEqual(rollupRows(fresh.db));
    // Skipped and spoken answers had no scorer: their rows are not re-scored (a store from before holds no verdicts there).
    const keywordRows = `SELECT attempt_id, keyword_id, hit, verdict, credit FROM attempt_keywords
      WHERE attempt_id IN (SELECT id FROM attempts WHERE scorer_version IS NOT NULL) ORDER BY 1, 2`;
    expect(db.prepare(keywordRows).all()).toEqual(fresh.db.prepare(keywordRows).all());
    const scores = 'SELECT id, keyword_score, scorer_version FROM attempts ORDER BY id';
    expect(db.prepare(scores).all()).toEqual(fresh.db.prepare(scores).all());
    // Nothing else about an answer is rewritten.
    expect(db.prepare('SELECT id, answer, self_grade, outcome FROM attempts ORDER BY id').all()).toEqual(answersBefore);

    expect(await call('getScorerStatus')).toEqual({ scorerVersion: 2, olderAnswers: 0 });
    expect(await rescore()).toEqual({ rescored: 0, changed: 0, state: 'done' });
    fresh.db.close();
  });

  it('re-scores against the keywords an answer was asked, even after its question was edited', async () => {
    scorer.vocabulary = true;
    const view = await answer('what-is-django', 'Terms: MVT architecture, Python framework');
    db.exec('UPDATE attempts SET scorer_version = 1; UPDATE attempt_keywords SET verdict = NULL, credit = NULL;');
    scorer.vocabulary = false;
    const id = idOf('what-is-django');
    const q = await call('getQuestion', { id });
    // "Python framework" leaves the question, "ORM" joins it.
    await call('saveQuestion', {
      id,
      deckId: q.deckId,
      level: q.level,
      prompt: q.prompt,
      answer: q.answer,
      tags: q.tags,
      keywords: [
        ...q.keywords.filter((k) => k.label !== 'Python framework'),
        { label: 'ORM', aliases: [], weight: 1 },
      ].map((k) => ({ label: k.label, aliases: k.aliases, weight: k.weight })),
    });
    expect(await rescore()).toMatchObject({ rescored: 1, changed: 1 });
    const rows = db
      .prepare(
        `SELECT k.label, ak.hit, ak.verdict, ak.credit FROM attempt_keywords ak JOIN keywords k ON k.id = ak.keyword_id
          WHERE ak.attempt_id = ? ORDER BY k.label`,
      )
      .all(db.prepare('SELECT id FROM attempts WHERE session_id = ?').pluck().get(view.id));
    expect(rows).toEqual([
      { label: 'MVT architecture', hit: 0, verdict: 'listed', credit: 0.5 },
      { label: 'Python framework', hit: 0, verdict: 'listed', credit: 0.5 },
      { label: 'rapid development', hit: 0, verdict: 'missed', credit: 0 },
    ]);
    expect(db.prepare('SELECT keyword_score FROM attempts').pluck().get()).toBeCloseTo(1 / 3, 12);
  });

  it('runs a chunk per transaction; cancelled, each answer is whole on one scorer and the rest still wait', async () => {
    scorer.vocabulary = true;
    const sessions = await history({ api, db });
    expect(sessions.length).toBeGreaterThan(0);
    db.exec(
      `UPDATE attempts SET scorer_version = 1 WHERE scorer_version IS NOT NULL;
       UPDATE attempt_keywords SET verdict = NULL, credit = NULL;`,
    );
    scorer.vocabulary = false;
    const jobs = new Jobs();
    const oneByOne = rescoreApi({ db, clock, jobs }, 1);
    const { jobId } = oneByOne.rescoreHistory();
    expect(oneByOne.rescoreHistory).toThrow(/being re-scored already/);
    // The job yields before each chunk: one turn of the event loop lets exactly one chunk through.
    await new Promise((resolve) => setImmediate(resolve));
    const cancelled = (await jobs.cancel(jobId))!;
    expect(cancelled).toMatchObject({ state: 'cancelled', done: 1, total: 5 });
    expect(oneByOne.getScorerStatus()).toEqual({ scorerVersion: 2, olderAnswers: 4 });
    // The one re-scored answer has every keyword's verdict; the others none: no answer is half re-scored.
    const perAnswer = db
      .prepare(
        `SELECT a.scorer_version AS version, count(ak.verdict) AS verdicts, count(*) AS keywords
           FROM attempts a JOIN attempt_keywords ak ON ak.attempt_id = a.id
          WHERE a.scorer_version IS NOT NULL GROUP BY a.id`,
      )
      .all() as Array<{ version: number; verdicts: number; keywords: number }>;
    for (const a of perAnswer) expect(a.verdicts).toBe(a.version === 2 ? a.keywords : 0);
    expect(perAnswer.filter((a) => a.version === 2)).toHaveLength(1);
    // The next run picks up the rest.
    const { jobId: again } = oneByOne.rescoreHistory();
    expect(await jobs.cancel(again).then(() => jobs.progress(again))).toMatchObject({ state: 'cancelled' });
    expect(await rescore()).toMatchObject({ rescored: 4, state: 'done' });
    expect(oneByOne.getScorerStatus().olderAnswers).toBe(0);
  });

  it('takes no input, and says so through the bridge', async () => {
    expect(await failureOf(api, 'rescoreHistory', { all: true })).toMatchObject({ code: 'invalid_input' });
    expect(await failureOf(api, 'getScorerStatus', { version: 1 })).toMatchObject({ code: 'invalid_input' });
  });
});
