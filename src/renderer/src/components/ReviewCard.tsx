import { useState } from 'react';
import { useApiQuery } from '../data/hooks';
import { dateTime, plural } from '../lib/format';
import { startPractice } from '../lib/practice';
import clsx from 'clsx';
import styles from './ReviewCard.module.css';

/** Spaced repetition on Home: what is due today, one click from a review session. */
export function ReviewCard() {
  const review = useApiQuery('getReviewSummary');
  const [error, setError] = useState<string | null>(null);
  if (!review.data) return null;
  const { dueCount, dueQuestionIds, nextDueAt } = review.data;
  const start = () =>
    startPractice({ questionIds: dueQuestionIds, count: dueQuestionIds.length, order: 'due' }).catch((e: Error) =>
      setError(e.message),
    );
  return (
    <section className={clsx('card', styles.review)} aria-labelledby="review-title">
      <div>
        <h2 id="review-title">Due for review</h2>
        <p className="muted" data-testid="due-summary">
          {dueCount > 0
            ? `${plural(dueCount, 'question is', 'questions are')} due: spaced repetition brings back what you are about to forget.`
            : nextDueAt
              ? `Nothing is due. The next review falls due ${dateTime(nextDueAt)}.`
              : 'Grade your answers in a session, and Prepdeck schedules each question again just before you would forget it.'}
        </p>
        {error && <p className="error-text">{error}</p>}
      </div>
      {dueCount > 0 && (
        <button type="button" className="button button-primary" onClick={() => void start()}>
          Review {dueQuestionIds.length} now
        </button>
      )}
    </section>
  );
}
