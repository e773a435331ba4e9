import { useMemo } from 'react';
import type { AttemptView } from '../../../shared/session-types';
import { clockText, percent } from '../lib/format';
import { LevelBadge } from './LevelBadge';
import { Markdown } from './Markdown';

/** The person's answer with the words that named a keyword marked. */
export function HighlightedAnswer({ attempt }: { attempt: AttemptView }) {
  if (attempt.mode === 'speak') return <p className="muted">Answered aloud.</p>;
  if (!attempt.answer.trim()) {
    return <p className="muted">{attempt.outcome === 'skipped' ? 'Skipped, no answer.' : 'No answer was typed.'}</p>;
  }
  const labels = new Map(attempt.keywords.map((k) => [k.keywordId, k.label]));
  const parts: React.ReactNode[] = [];
  let last = 0;
  for (const span of attempt.answerSpans) {
    if (span.start > last) parts.push(attempt.answer.slice(last, span.start));
    parts.push(
      <mark key={span.start} className="kw-named" title={`Names “${labels.get(span.keywordId) ?? ''}”`}>
        {attempt.answer.slice(span.start, span.end)}
      </mark>,
    );
    last = span.end;
  }
  parts.push(attempt.answer.slice(last));
  return (
    <div className="answer-text" data-testid="your-answer">
      {parts}
    </div>
  );
}

export function outcomeText(attempt: AttemptView): string {
  const used = clockText(attempt.timeUsedMs);
  const allowed = clockText(attempt.timeAllowedMs);
  if (attempt.outcome === 'skipped') return `Skipped after ${used}`;
  if (attempt.outcome === 'timed_out') return `Time ran out at ${allowed}: the answer was locked`;
  if (attempt.overtimeMs > 0) return `Answered in ${used} of ${allowed} (overtime +${clockText(attempt.overtimeMs)})`;
  return `Answered in ${used} of ${allowed}`;
}

/** Keywords named and missed, the model answer beside the person's own. */
export function AttemptComparison({ attempt }: { attempt: AttemptView }) {
  // Answered aloud and not yet ticked: nothing is known to be named or missed.
  const pending = attempt.mode === 'speak' && attempt.keywordScore === null;
  const marks = useMemo(() => {
    const hit = new Map(attempt.keywords.map((k) => [k.keywordId, k]));
    return attempt.modelMentions.map((m) => {
      const k = hit.get(m.keywordId);
      return {
        text: m.text,
        className: k?.hit ? 'kw-named' : 'kw-missed',
        title: k ? `${k.label}: ${k.hit ? 'you named it' : 'you missed it'}` : undefined,
      };
    });
  }, [attempt]);
  const named = attempt.keywords.filter((k) => k.hit).length;
  return (
    <div className="comparison">
      <section className="card comparison-side" aria-label="Your answer">
        <h3 className="section-label">Your answer</h3>
        <HighlightedAnswer attempt={attempt} />
      </section>
      <section className="card comparison-side" aria-label="Model answer">
        <h3 className="section-label">Model answer</h3>
        <Markdown marks={marks}>{attempt.modelAnswer}</Markdown>
      </section>
      <section className="card keyword-verdicts" aria-label="Keywords">
        <div className="verdict-head">
          <h3 className="section-label">Keywords</h3>
          {attempt.keywordScore !== null && (
            <span className="score-pill" data-testid="keyword-score">
              Keyword score {percent(attempt.keywordScore)} · {named} of {attempt.keywords.length} named
            </span>
          )}
        </div>
        <ul className="verdict-list">
          {attempt.keywords.map((k) => (
            <li
              key={k.keywordId}
              className={`verdict ${pending ? 'verdict-pending' : k.hit ? 'verdict-named' : 'verdict-missed'}`}
            >
              <span className="verdict-mark" aria-hidden="true">
                {pending ? '•' : k.hit ? '✓' : '✗'}
              </span>
              <span className="verdict-label">{k.label}</span>
              {!pending && <span className="verdict-state">{k.hit ? 'named' : 'missed'}</span>}
              {k.hit && k.matchedBy && k.matchedBy !== k.label && (
                <span className="muted small">as “{k.matchedBy}”</span>
              )}
            </li>
          ))}
        </ul>
        <p className="muted small scoring-note">
          Scored on words, not meaning: a keyword counts when your answer names it (in any word form, or by one of its
          aliases), whether or not the explanation around it is right.
        </p>
      </section>
    </div>
  );
}

export function AttemptHeader({ attempt }: { attempt: AttemptView }) {
  return (
    <div className="attempt-head">
      <LevelBadge level={attempt.question.level} />
      <span className="muted">{attempt.question.deckName}</span>
      <span className={`outcome outcome-${attempt.outcome}`}>{outcomeText(attempt)}</span>
    </div>
  );
}
