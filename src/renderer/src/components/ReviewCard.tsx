import { useApiQuery } from '../data/hooks';
import { dateTime, plural } from '../lib/format';
import { useStartPractice } from '../lib/practice';
import clsx from 'clsx';
import styles from './ReviewCard.module.css';

/** Spaced repetition on Home: what is due today, one click from a review session. */
export function ReviewCard() {
  const review = useApiQuery('getReviewSummary');
  const start = useStartPractice();
  if (!review.data) return null;
  const { dueCount, dueQuestionIds, nextDueAt } = review.data;
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
        {start.error && <p className="error-text">{start.error.message}</p>}
      </div>
      {dueCount > 0 && (
        <button
          type="button"
          className="button button-primary"
          disabled={start.isPending}
          onClick={() => start.mutate({ questionIds: dueQuestionIds, count: dueQuestionIds.length, order: 'due' })}
        >
          Review {dueQuestionIds.length} now
        </button>
      )}
    </section>
  );
}
