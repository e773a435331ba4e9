import { Fragment, useMemo } from 'react';
import type { AttemptView, KeywordVerdict, Verdict } from '../../../shared/session-types';
import { clockText, percent } from '../lib/format';
import { wordBreakPieces } from '../lib/word-breaks';
import { LevelBadge } from './LevelBadge';
import { Markdown } from './Markdown';
import clsx from 'clsx';
import styles from './AttemptReveal.module.css';

/** The mark, a short state and a colour class per verdict: the state is words, so colour is never alone. */
const VERDICT_MARK: Record<Verdict, string> = {
  named: '✓',
  alias: '✓',
  listed: '½',
  echoed: '↺',
  negated: '⊘',
  missed: '✗',
};
export const VERDICT_STATE: Record<Verdict, string> = {
  named: 'Named',
  alias: 'Named',
  listed: 'Listed',
  echoed: 'Echoed',
  negated: 'Negated',
  missed: 'Missed',
};
const MARK_CLASS: Record<Verdict, string> = {
  named: clsx(styles.kwNamed),
  alias: clsx(styles.kwNamed),
  listed: clsx(styles.kwPartial),
  echoed: clsx(styles.kwMissed),
  negated: clsx(styles.kwMissed),
  missed: clsx(styles.kwMissed),
};
/** The tint of a verdict's row and legend mark. */
const VERDICT_CLASS: Record<Verdict, string | undefined> = {
  named: styles.verdictNamed,
  alias: styles.verdictAlias,
  listed: styles.verdictListed,
  echoed: styles.verdictEchoed,
  negated: styles.verdictNegated,
  missed: styles.verdictMissed,
};
const OUTCOME_CLASS: Record<AttemptView['outcome'], string | undefined> = {
  answered: styles.outcomeAnswered,
  timed_out: styles.outcomeTimedOut,
  skipped: styles.outcomeSkipped,
};

/** The class that colours an outcome's words (answered, timed out, skipped). */
export const outcomeClassName = (outcome: AttemptView['outcome']): string =>
  clsx(styles.outcome, OUTCOME_CLASS[outcome]);
const LEGEND: Array<[Verdict, string]> = [
  ['named', 'in your answer, full credit'],
  ['listed', 'only in a list of terms, part credit'],
  ['echoed', 'only where you repeated the question, no credit'],
  ['negated', 'only in a negative, no credit'],
  ['missed', 'not in your answer'],
];

/** Up to `around` characters either side of a range of the answer, cut at word boundaries. */
function snippet(text: string, range: { start: number; end: number }, around = 40) {
  let from = Math.max(0, range.start - around);
  let to = Math.min(text.length, range.end + around);
  if (from > 0) from = text.indexOf(' ', from) + 1 || from;
  if (to < text.length) to = Math.max(range.end, text.lastIndexOf(' ', to));
  const flat = (s: string) => s.replace(/\s+/g, ' ');
  return {
    before: `${from > 0 ? '…' : ''}${flat(text.slice(from, range.start))}`,
    match: flat(text.slice(range.start, range.end)),
    after: `${flat(text.slice(range.end, to))}${to < text.length ? '…' : ''}`,
  };
}

const SCORING_NOTE =
  'The keyword score reads words, not understanding: a keyword earns full credit where your answer names it (in any ' +
  'word form, or by one of its aliases), part credit where it only appears in a list of terms, and none where it ' +
  'only repeats the question or is negated.';

function creditText(credit: number): string {
  return credit === 0.5 ? 'half credit' : `${percent(credit)} credit`;
}

/** Why a keyword got its credit, in words a person can act on. */
export function verdictWhy(k: KeywordVerdict, answer = ''): string {
  const as = k.matchedBy && k.matchedBy.toLowerCase() !== k.label.toLowerCase() ? ` as “${k.matchedBy}”` : '';
  switch (k.verdict) {
    case 'named':
    case 'alias':
      return `Named${as}`;
    case 'listed':
      return `Listed${as}, not explained — say what it does (${creditText(k.credit)})`;
    case 'echoed':
      return `Only where you repeated the question${as} — say it in your own answer`;
    case 'negated': {
      if (!k.evidence || !answer) return `Named${as} in a negative only`;
      const s = snippet(answer, k.evidence, 24);
      return `Named in a negative — ‘${s.before}${s.match}${s.after}’`;
    }
    case 'missed':
      return 'Missed';
  }
}

function Evidence({ answer, k }: { answer: string; k: KeywordVerdict }) {
  // A negated mention is quoted in the why itself.
  if (!k.evidence || k.verdict === 'missed' || k.verdict === 'negated') return null;
  const s = snippet(answer, k.evidence);
  return (
    <q className={styles.verdictEvidence}>
      {s.before}
      <mark className={MARK_CLASS[k.verdict]}>{s.match}</mark>
      {s.after}
    </q>
  );
}

/** The person's answer with the words that named a keyword marked. */
export function HighlightedAnswer({ attempt }: { attempt: AttemptView }) {
  if (attempt.mode === 'speak') return <p className="muted">Answered aloud.</p>;
  if (!attempt.answer.trim()) {
    return <p className="muted">{attempt.outcome === 'skipped' ? 'Skipped, no answer.' : 'No answer was typed.'}</p>;
  }
  const keywords = new Map(attempt.keywords.map((k) => [k.keywordId, k]));
  const parts: React.ReactNode[] = [];
  let last = 0;
  for (const span of attempt.answerSpans) {
    const k = keywords.get(span.keywordId);
    if (span.start > last) parts.push(attempt.answer.slice(last, span.start));
    parts.push(
      <mark
        key={span.start}
        className={k ? MARK_CLASS[k.verdict] : MARK_CLASS.named}
        title={k ? `${k.label}: ${VERDICT_STATE[k.verdict].toLowerCase()}` : undefined}
      >
        {attempt.answer.slice(span.start, span.end)}
      </mark>,
    );
    last = span.end;
  }
  parts.push(attempt.answer.slice(last));
  return (
    <div className={styles.answerText} data-testid="your-answer">
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
    const byId = new Map(attempt.keywords.map((k) => [k.keywordId, k]));
    return attempt.modelMentions.map((m) => {
      const k = byId.get(m.keywordId);
      return {
        text: m.text,
        className: k ? MARK_CLASS[k.verdict] : MARK_CLASS.missed,
        title: k ? `${k.label}: ${VERDICT_STATE[k.verdict].toLowerCase()} in your answer` : undefined,
      };
    });
  }, [attempt]);
  const named = attempt.keywords.filter((k) => k.hit).length;
  const shown = new Set<Verdict>(attempt.keywords.map((k) => (k.verdict === 'alias' ? 'named' : k.verdict)));
  return (
    <div className={styles.comparison}>
      <section className={clsx('card', styles.comparisonSide)} aria-label="Your answer">
        <h3 className="section-label">Your answer</h3>
        <HighlightedAnswer attempt={attempt} />
      </section>
      <section className={clsx('card', styles.comparisonSide)} aria-label="Model answer">
        <h3 className="section-label">Model answer</h3>
        <Markdown marks={marks}>{attempt.modelAnswer}</Markdown>
      </section>
      <section className={clsx('card', styles.keywordVerdicts)} aria-label="Keywords">
        <div className={styles.verdictHead}>
          <h3 className="section-label">Keywords</h3>
          {attempt.keywords.length === 0 && attempt.outcome !== 'skipped' && (
            <span className={styles.scorePill} data-testid="keyword-score">
              No keywords to score
            </span>
          )}
          {attempt.keywordScore !== null && (
            <span className={styles.scorePill} data-testid="keyword-score">
              Keyword score {percent(attempt.keywordScore)} · {named} of {attempt.keywords.length} named
            </span>
          )}
        </div>
        <ul className={styles.verdictList}>
          {attempt.keywords.map((k) => (
            <li
              key={k.keywordId}
              className={clsx(styles.verdict, pending ? styles.verdictPending : VERDICT_CLASS[k.verdict])}
            >
              <span className={styles.verdictLine}>
                <span className={styles.verdictMark} aria-hidden="true">
                  {pending ? '•' : VERDICT_MARK[k.verdict]}
                </span>
                <span className={styles.verdictLabel} data-testid="verdict-label">
                  <Breakable text={k.label} />
                </span>
                {!pending && <span className={styles.verdictState}>{VERDICT_STATE[k.verdict]}</span>}
              </span>
              {!pending && (
                <span className={styles.verdictWhy} data-testid="verdict-why">
                  {verdictWhy(k, attempt.answer)}
                </span>
              )}
              {!pending && <Evidence answer={attempt.answer} k={k} />}
            </li>
          ))}
        </ul>
        {!pending && (
          <ul className={styles.verdictLegend} aria-label="What the marks mean">
            {LEGEND.filter(([v]) => shown.has(v)).map(([v, text]) => (
              <li key={v}>
                <span className={clsx(styles.verdictMark, VERDICT_CLASS[v])} aria-hidden="true">
                  {VERDICT_MARK[v]}
                </span>{' '}
                <strong>{VERDICT_STATE[v]}</strong>: {text}
              </li>
            ))}
          </ul>
        )}
        <p className={clsx('muted', 'small', styles.scoringNote)}>
          {SCORING_NOTE} Your own grade is the final judge.
          {attempt.scoredByOlderScorer &&
            ' An older version of the scorer scored this answer: Stats offers to re-score your history.'}
        </p>
      </section>
    </div>
  );
}

export function AttemptHeader({ attempt }: { attempt: AttemptView }) {
  return (
    <div className={styles.attemptHead}>
      <LevelBadge level={attempt.question.level} />
      <span className="muted">{attempt.question.deckName}</span>
      <span className={outcomeClassName(attempt.outcome)}>{outcomeText(attempt)}</span>
    </div>
  );
}

/** A label that may wrap inside a long identifier only where a reader would: at its humps, dots and underscores. */
function Breakable({ text }: { text: string }) {
  const pieces = wordBreakPieces(text);
  return pieces.map((piece, i) => (
    <Fragment key={i}>
      {i > 0 && <wbr />}
      {piece}
    </Fragment>
  ));
}
