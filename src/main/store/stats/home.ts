/** What Home shows of the history: answers recorded, and the latest session. */
import type { HomeStats } from '../../../shared/stats-types';
import type { Db } from '../db';
import { countOf, prepared } from '../statements';
import { sessionSummary } from '../sessions';
import { COUNTED_SESSION } from './over-time';

/** Answers recorded, all time. */
export function totalAttempts(db: Db): number {
  return countOf(db, 'SELECT coalesce(sum(attempts), 0) AS n FROM stats_attempt_rollup WHERE span = 0');
}

/** The latest session finished or ended early (with an answer), summarised as History shows it. */
export function lastSession(db: Db): HomeStats['lastSession'] {
  const row = prepared<{ id: number }>(
    db,
    `SELECT id FROM (
         SELECT * FROM (SELECT id, started_at FROM sessions s WHERE s.status = 'finished'
                         ORDER BY started_at DESC, id DESC LIMIT 1)
         UNION ALL
         SELECT * FROM (SELECT id, started_at FROM sessions s WHERE ${COUNTED_SESSION('s')} AND s.status = 'ended'
                         ORDER BY started_at DESC, id DESC LIMIT 1))
       ORDER BY started_at DESC, id DESC LIMIT 1`,
  ).get();
  return row ? sessionSummary(db, row.id) : null;
}
