/** Which questions a session asks, and in what order: the candidates of a config, weighed by their history. */
import type { SessionConfig } from '../../shared/session-types';
import { attemptStrength, planSession, seededRandom } from '../core/planning';
import { candidateQuestions } from '../store/questions';
import * as store from '../store/sessions';
import type { Db } from '../store/db';

/** The questions a config matches: its explicit list, or its decks, levels and keywords. */
export function candidates(db: Db, config: SessionConfig) {
  return candidateQuestions(
    db,
    config.questionIds.length > 0
      ? { questionIds: config.questionIds }
      : { deckIds: config.deckIds, levels: config.levels, keywordIds: config.keywordIds },
  );
}

/** How many questions a config matches, per level in the decks' order, and how many a session would ask. */
export function preview(db: Db, config: SessionConfig) {
  const found = candidates(db, config);
  const byLevel = new Map<string, { level: string; count: number; rank: number }>();
  for (const c of found) {
    const entry = byLevel.get(c.level) ?? { level: c.level, count: 0, rank: c.levelRank };
    entry.count++;
    byLevel.set(c.level, entry);
  }
  return {
    matching: found.length,
    planned: Math.min(found.length, config.count),
    byLevel: [...byLevel.values()].sort((a, b) => a.rank - b.rank).map(({ level, count }) => ({ level, count })),
  };
}

/**
 * The questions of a new session, in order: each candidate weighed by what its order reads — its latest
 * answer (weakest first) or its review due date (due first); the ladder and a random draw read neither.
 * Empty when the config matches nothing.
 */
export function planFor(db: Db, config: SessionConfig, now: number): number[] {
  const found = candidates(db, config);
  if (found.length === 0) return [];
  const ids = found.map((c) => c.id);
  const last = config.order === 'weakest' ? store.lastAttemptOf(db, ids) : null;
  const due = config.order === 'due' ? store.dueDates(db, ids) : null;
  return planSession(
    found.map((c) => {
      const a = last?.get(c.id);
      return {
        ...c,
        strength: a ? attemptStrength(a.selfGrade, a.keywordScore, a.outcome) : null,
        due: due?.get(c.id) ?? null,
      };
    }),
    config.order,
    config.count,
    seededRandom(now ^ Math.floor(Math.random() * 0x7fffffff)),
    now,
  );
}
