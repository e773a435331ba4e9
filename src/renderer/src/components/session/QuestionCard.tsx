import clsx from 'clsx';
import type { SessionView } from '../../../../shared/session-types';
import { Countdown } from '../Countdown';
import { LevelBadge } from '../LevelBadge';
import styles from './Session.module.css';

type Current = NonNullable<SessionView['current']>;

const DRAFT_WORDS = { failed: 'Your answer could not be saved yet', unsaved: 'Saving…' } as const;

/** The question on screen: its level and deck, whether the answer has reached main, the prompt and the clock. */
export function QuestionCard({
  current,
  remainingMs,
  draftState,
  typed,
  speak,
}: {
  current: Current;
  remainingMs: number;
  draftState: 'saved' | 'unsaved' | 'failed';
  /** Whether there is any answer text (an empty answer is not "saved"). */
  typed: boolean;
  speak: boolean;
}) {
  return (
    <div className={clsx(styles.questionCard, 'card')}>
      <div className={styles.questionMeta}>
        <LevelBadge level={current.question.level} />
        <span className="muted">{current.question.deckName}</span>
        {!speak && (
          <span className={clsx('muted', 'small', styles.draftState)} role="status" data-testid="draft-state">
            {draftState === 'saved' ? (typed ? 'Answer saved' : '') : DRAFT_WORDS[draftState]}
          </span>
        )}
      </div>
      <div className={styles.questionBody}>
        <h1 className={styles.sessionPrompt} data-testid="prompt">
          {current.paused ? 'Paused' : current.question.prompt}
        </h1>
        <Countdown remainingMs={remainingMs} allowedMs={current.timeAllowedMs} paused={current.paused} />
      </div>
    </div>
  );
}
