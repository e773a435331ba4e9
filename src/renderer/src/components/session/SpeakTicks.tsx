import clsx from 'clsx';
import type { AttemptView } from '../../../../shared/session-types';
import styles from './Session.module.css';

/** An answer given aloud: the person ticks the keywords they said, saved with their grade. */
export function SpeakTicks({
  keywords,
  spoken,
  onChange,
}: {
  keywords: AttemptView['keywords'];
  spoken: number[];
  onChange: (spoken: number[]) => void;
}) {
  return (
    <section className={clsx('card', styles.speakTicks)} aria-label="Keywords you said">
      <h3 className="section-label">Which keywords did you say?</h3>
      <div className="chip-row">
        {keywords.map((k) => {
          const on = spoken.includes(k.keywordId);
          return (
            <button
              key={k.keywordId}
              type="button"
              className={clsx('chip', on && 'chip-selected')}
              aria-pressed={on}
              onClick={() => onChange(on ? spoken.filter((id) => id !== k.keywordId) : [...spoken, k.keywordId])}
            >
              {on ? '✓ ' : ''}
              {k.label}
            </button>
          );
        })}
      </div>
      <p className="muted small">Your ticks are saved with your grade.</p>
    </section>
  );
}
