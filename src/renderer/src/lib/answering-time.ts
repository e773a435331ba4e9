import type { SessionConfig, SessionPreview } from '../../../shared/session-types';

/**
 * About how long the planned questions give to answer, in seconds: each level's time for its share
 * of the pool, scaled from the matching questions down to the planned ones.
 */
export function answeringSeconds(
  preview: SessionPreview,
  config: Pick<SessionConfig, 'timePerLevel' | 'defaultSeconds'>,
): number {
  if (!preview.matching) return 0;
  const pool = preview.byLevel.reduce(
    (sum, l) => sum + (config.timePerLevel[l.level] ?? config.defaultSeconds) * l.count,
    0,
  );
  return pool * (preview.planned / preview.matching);
}
