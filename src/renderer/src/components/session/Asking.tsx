import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import clsx from 'clsx';
import type { SessionView } from '../../../../shared/session-types';
import { api } from '../../api';
import { useDraftSaving } from '../../hooks/useDraftSaving';
import { useKeys } from '../../hooks/useKeys';
import { isSkipKey, isTyping } from '../../lib/keys';
import { QuestionCard } from './QuestionCard';
import type { Act } from './types';
import { useQuestionClock } from './useQuestionClock';
import styles from './Session.module.css';

type Reason = 'answer' | 'timeout' | 'skip';

/** The question being answered: its card and clock, the answer (typed, or aloud), and the session's keys. */
export function Asking({
  view,
  deadline,
  act,
  onEnd,
}: {
  view: SessionView;
  /** Local time at which the question's time runs out: deadline − now is the only clock. */
  deadline: number;
  act: Act;
  onEnd: () => void;
}) {
  const current = view.current!;
  const [text, setText] = useState(current.draft);
  const submitted = useRef(false);
  const speak = view.config.mode === 'speak';
  const draft = useDraftSaving(view.id, view.position, text, current.draft, !current.paused);
  const box = useRef<HTMLTextAreaElement>(null);
  const resumeButton = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);

  const submit = useCallback(
    (reason: Reason) => {
      if (submitted.current) return;
      submitted.current = true;
      draft.settle(text);
      void act(() => api.submitAnswer({ sessionId: view.id, position: view.position, answer: text, reason })).finally(
        () => {
          submitted.current = false;
        },
      );
    },
    [act, draft, text, view.id, view.position],
  );
  const now = useQuestionClock(current.paused, deadline, view.config.onTimeout === 'lock', () => submit('timeout'));
  const remaining = current.paused ? current.remainingMs : deadline - now;
  useFocusOnPause(current.paused, resumeButton, box, panel);

  const togglePause = () => {
    if (view.config.strict) return;
    void act(() =>
      current.paused ? api.unpauseSession({ sessionId: view.id }) : api.pauseSession({ sessionId: view.id }),
    );
  };

  useKeys((e) => {
    const key = e.key.toLowerCase();
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      if (!current.paused) submit('answer');
    } else if (e.key === 'Escape') {
      e.preventDefault();
      onEnd();
    } else if (key === 'p' && (e.ctrlKey || !isTyping(e.target))) {
      e.preventDefault();
      togglePause();
    } else if (isSkipKey(e)) {
      e.preventDefault();
      if (!current.paused) submit('skip');
    } else if (key === 's' && (e.ctrlKey || e.metaKey)) {
      // Pressed by reflex to save: the browser's "Save page" is kept away and the answer is saved now.
      e.preventDefault();
      draft.flush();
    }
  });

  return (
    <div className={styles.asking}>
      <QuestionCard
        current={current}
        remainingMs={remaining}
        draftState={draft.state}
        typed={text !== ''}
        speak={speak}
      />

      {current.paused ? (
        <div className={clsx(styles.pausedPanel, 'card')} role="status">
          <p className="muted">The clock is stopped and the question is hidden; this time does not count.</p>
          <button type="button" className="button button-primary button-large" onClick={togglePause} ref={resumeButton}>
            Resume <kbd>P</kbd>
          </button>
        </div>
      ) : speak ? (
        <div className={clsx(styles.speakPanel, 'card')} tabIndex={-1} ref={panel}>
          <h2>Answer aloud</h2>
          <p className="muted">
            Say your answer as you would in the interview. When you are done, submit to see the model answer, then tick
            the keywords you named and grade yourself.
          </p>
        </div>
      ) : (
        <textarea
          className={styles.answerBox}
          aria-label="Your answer"
          placeholder="Type your answer as you would say it…"
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            draft.touch();
          }}
          ref={box}
          spellCheck
        />
      )}

      <AskingActions view={view} paused={current.paused} onEnd={onEnd} onPause={togglePause} onSubmit={submit} />
    </div>
  );
}

/** Focus never falls to <body>: paused, it is on Resume; running, in the answer (caret at the end). */
function useFocusOnPause(
  paused: boolean,
  resumeButton: RefObject<HTMLButtonElement | null>,
  box: RefObject<HTMLTextAreaElement | null>,
  panel: RefObject<HTMLDivElement | null>,
): void {
  const wasPaused = useRef<boolean | null>(null);
  useEffect(() => {
    if (wasPaused.current === paused) return;
    wasPaused.current = paused;
    if (paused) resumeButton.current?.focus();
    else if (box.current) {
      box.current.focus();
      box.current.setSelectionRange(box.current.value.length, box.current.value.length);
    } else panel.current?.focus(); // speak mode: the panel, so keys still reach the page
  }, [paused, resumeButton, box, panel]);
}

function AskingActions({
  view,
  paused,
  onEnd,
  onPause,
  onSubmit,
}: {
  view: SessionView;
  paused: boolean;
  onEnd: () => void;
  onPause: () => void;
  onSubmit: (reason: Reason) => void;
}) {
  return (
    <div className={styles.sessionActions}>
      <button type="button" className="button button-ghost" onClick={onEnd}>
        End session <kbd>Esc</kbd>
      </button>
      <span className="spacer" />
      {!view.config.strict && !paused && (
        <button type="button" className="button" onClick={onPause}>
          Pause <kbd>P</kbd>
        </button>
      )}
      <button type="button" className="button" disabled={paused} onClick={() => onSubmit('skip')}>
        Skip <kbd>Alt+S</kbd>
      </button>
      <button type="button" className="button button-primary" disabled={paused} onClick={() => onSubmit('answer')}>
        Submit <kbd>Ctrl+Enter</kbd>
      </button>
    </div>
  );
}
