import { useEffect, useRef, useState } from 'react';
import clsx from 'clsx';
import type { AttemptView, Grade, SessionView } from '../../../../shared/session-types';
import { api } from '../../api';
import { useKeys } from '../../hooks/useKeys';
import { isControl, isTyping } from '../../lib/keys';
import { AttemptComparison, AttemptHeader } from '../AttemptReveal';
import { ConfirmDialog } from '../ConfirmDialog';
import { GradeButtons } from '../grade/GradeButtons';
import { SpeakTicks } from './SpeakTicks';
import type { Act } from './types';
import styles from './Session.module.css';

/** The answer given, against the model answer, with the grades and the way on. */
export function Revealed({
  view,
  attempt,
  act,
  onEnd,
}: {
  view: SessionView;
  attempt: AttemptView;
  act: Act;
  onEnd: () => void;
}) {
  const [spoken, setSpoken] = useState<number[]>(() => attempt.keywords.filter((k) => k.hit).map((k) => k.keywordId));
  const [confirmNext, setConfirmNext] = useState(false);
  const grades = useRef<HTMLDivElement>(null);
  const nextButton = useRef<HTMLButtonElement>(null);
  const last = view.position + 1 >= view.total || view.capReached;
  const speakUnticked = attempt.mode === 'speak' && attempt.keywordScore === null;

  // After Submit, focus is on the grades (the group, not a grade: Enter and Space there never grade by accident).
  useEffect(() => grades.current?.focus(), []);

  /** A grade on its way to main: Next waits for it, and does not ask for a grade already given. */
  const grading = useRef<Promise<void> | null>(null);
  const grade = (value: Grade) => {
    const run = act(() =>
      api.gradeAttempt({
        sessionId: view.id,
        attemptId: attempt.id,
        grade: value,
        ...(speakUnticked ? { namedKeywordIds: spoken } : {}),
      }),
    ).then(() => {
      // Graded: Enter or Space now goes on.
      nextButton.current?.focus();
    });
    grading.current = run;
    return run;
  };
  const next = async () => {
    await grading.current;
    await act(() => api.nextQuestion({ sessionId: view.id }));
  };
  /** Going on without a grade is a choice the person makes, never a grade lost to a stray key. */
  const requestNext = () => (attempt.selfGrade === null && !grading.current ? setConfirmNext(true) : void next());

  useKeys((e) => {
    if (isTyping(e.target)) return;
    const n = Number(e.key);
    if (n >= 1 && n <= 4 && !e.ctrlKey && !e.altKey && !e.metaKey) {
      e.preventDefault();
      void grade(n as Grade);
    } else if ((e.key === ' ' || e.key === 'Enter') && !isControl(e.target)) {
      // A focused button (a grade, Next) is activated by the browser itself.
      e.preventDefault();
      requestNext();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      onEnd();
    }
  });

  return (
    <div className={styles.revealed}>
      <div className={clsx('card', styles.revealHead)}>
        <AttemptHeader attempt={attempt} />
        <h1 className={styles.sessionPrompt}>{attempt.question.prompt}</h1>
      </div>
      <h2 className="visually-hidden">Your answer against the model answer</h2>
      {speakUnticked && <SpeakTicks keywords={attempt.keywords} spoken={spoken} onChange={setSpoken} />}
      <AttemptComparison attempt={attempt} />

      <div className={clsx(styles.gradeBar, 'card')}>
        <GradeButtons
          label="Grade yourself"
          caption="How did it go?"
          selected={attempt.selfGrade}
          onGrade={(g) => void grade(g)}
          showKeys
          groupRef={grades}
        />
        <span className="spacer" />
        <button type="button" className="button button-ghost" onClick={onEnd}>
          End <kbd>Esc</kbd>
        </button>
        <button type="button" className="button button-primary" onClick={requestNext} ref={nextButton}>
          {last ? 'See results' : 'Next question'} <kbd>Space</kbd>
        </button>
      </div>
      {confirmNext && (
        <ConfirmDialog
          title="Go on without a grade?"
          confirmLabel={last ? 'See results without a grade' : 'Next without a grade'}
          onConfirm={() => {
            setConfirmNext(false);
            void next();
          }}
          onCancel={() => setConfirmNext(false)}
        >
          <p>This answer has no self-grade yet. You can still grade it later, on the Results page.</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
