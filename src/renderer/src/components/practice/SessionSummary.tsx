import clsx from 'clsx';
import type { SessionConfig, SessionPreview } from '../../../../shared/session-types';
import { answeringSeconds } from '../../lib/answering-time';
import { clockText, plural } from '../../lib/format';
import { LevelBadge } from '../LevelBadge';
import styles from './Practice.module.css';

/** What the form's choices come to: how many questions, from which levels, about how long; and Start. */
export function SessionSummary({
  config,
  preview,
  previewError,
  startError,
  starting,
  onStart,
}: {
  config: SessionConfig;
  preview: SessionPreview | undefined;
  previewError: Error | null | undefined;
  startError: Error | null;
  starting: boolean;
  onStart: () => void;
}) {
  const matches = (n: number) => plural(n, 'question matches', 'questions match');
  return (
    <aside className={clsx('card', styles.setupSummary)} aria-label="Session summary">
      <h2>Your session</h2>
      {previewError && <p className="error-text">{previewError.message}</p>}
      {preview && (
        <>
          <p className={styles.summaryBig} data-testid="planned">
            {plural(preview.planned, 'question')}
          </p>
          <p className="muted">
            {preview.matching < config.count && preview.matching > 0
              ? `Only ${matches(preview.matching)} your choices.`
              : `${matches(preview.matching)} your choices.`}
          </p>
          <ul className={styles.summaryLevels}>
            {preview.byLevel.map((l) => (
              <li key={l.level}>
                <LevelBadge level={l.level} /> <span className="muted">{l.count} in the pool</span>
              </li>
            ))}
          </ul>
          {preview.planned > 0 && (
            <p className="muted small">
              About {clockText(answeringSeconds(preview, config) * 1000)} of answering time.
            </p>
          )}
        </>
      )}
      {startError && <p className="error-text">{startError.message}</p>}
      <button
        type="button"
        className="button button-primary button-large button-block"
        disabled={starting || !preview || preview.planned === 0}
        onClick={onStart}
      >
        Start session
      </button>
    </aside>
  );
}
