import { useCallback, useEffect, useRef, useState } from 'react';
import { type AttemptView, type Grade, type SessionView } from '../../../shared/session-types';
import { api } from '../api';
import { AttemptComparison, AttemptHeader } from '../components/AttemptReveal';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { Countdown } from '../components/Countdown';
import { GradeButtons } from '../components/grade/GradeButtons';
import { LevelBadge } from '../components/LevelBadge';
import { ErrorNote, Loading } from '../components/States';
import { navigate } from '../hooks/useRoute';

type Act = (run: () => Promise<SessionView>) => Promise<void>;

const isTyping = (target: EventTarget | null): boolean =>
  target instanceof HTMLTextAreaElement || target instanceof HTMLInputElement;

/** A control that Enter and Space activate by themselves: the page's keys leave them alone. */
const isControl = (target: EventTarget | null): boolean =>
  target instanceof HTMLButtonElement ||
  target instanceof HTMLAnchorElement ||
  target instanceof HTMLSelectElement ||
  isTyping(target);

/** The answer being typed reaches main at most this long after a keystroke (DESIGN: "a second behind at most"). */
const DRAFT_SAVE_MS = 800;

/**
 * While the clock runs, main records the time left this often even when nothing is typed (reading the
 * question, or answering aloud), so a question resumed after a crash has what it had then, not its start.
 */
const CLOCK_SAVE_MS = 5_000;

/** Alt+S (by key position, so macOS's Option+S, which types ß, works too). */
const isSkipKey = (e: KeyboardEvent): boolean => e.altKey && !e.ctrlKey && !e.metaKey && e.code === 'KeyS';

/**
 * Saves the answer being typed: at most DRAFT_SAVE_MS after the first unsaved keystroke (not reset
 * by further typing, so a fast typist is never more than that behind), at once on `flush`, and when
 * the question leaves the screen (a click on the sidebar); and the clock every CLOCK_SAVE_MS.
 */
function useDraftSaving(sessionId: number, position: number, text: string, initial: string, running: boolean) {
  /** What main holds; null when the last save failed, so the same text is sent again. */
  const saved = useRef<string | null>(initial);
  const latest = useRef(text);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const [state, setState] = useState<'saved' | 'unsaved' | 'failed'>('saved');

  const flush = useCallback(() => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
    const value = latest.current;
    if (value === saved.current) {
      setState('saved');
      return;
    }
    saved.current = value;
    api.saveDraft({ sessionId, position, text: value }).then(
      () => setState(latest.current === value ? 'saved' : 'unsaved'),
      () => {
        // Not saved: the next keystroke (or Ctrl+S) tries again.
        if (saved.current === value) saved.current = null;
        setState('failed');
      },
    );
  }, [sessionId, position]);

  useEffect(() => {
    latest.current = text;
    if (text === saved.current || timer.current !== null) return;
    timer.current = setTimeout(flush, DRAFT_SAVE_MS);
  }, [text, flush]);

  useEffect(() => flush, [flush]);

  useEffect(() => {
    if (!running) return;
    const beat = setInterval(() => {
      // The text as main has it (what was typed since goes with the next save), with the time left now.
      if (saved.current !== null) void api.saveDraft({ sessionId, position, text: saved.current }).catch(() => {});
    }, CLOCK_SAVE_MS);
    return () => clearInterval(beat);
  }, [running, sessionId, position]);

  /** A keystroke: the text on screen is ahead of main's until the next save lands. */
  const touch = useCallback(() => setState('unsaved'), []);

  /** The text was handed to main another way (the answer itself): nothing more to save. */
  const settle = useCallback((value: string) => {
    if (timer.current !== null) clearTimeout(timer.current);
    timer.current = null;
    saved.current = value;
  }, []);

  return { flush, settle, touch, state };
}

/** Runs `handler` for keydown on the window while mounted. */
function useKeys(handler: (event: KeyboardEvent) => void): void {
  const ref = useRef(handler);
  useEffect(() => {
    ref.current = handler;
  });
  useEffect(() => {
    // While a dialog is open, its own keys (Enter, Esc) are the only ones that act.
    const listener = (event: KeyboardEvent) => {
      if (!document.querySelector('dialog[open]')) ref.current(event);
    };
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);
}

function Progress({ view }: { view: SessionView }) {
  const done = view.answeredCount;
  return (
    <div className="session-progress">
      <span className="progress-text" data-testid="progress">
        {Math.min(view.position + 1, view.total)} / {view.total}
      </span>
      <span className="progress-track" aria-hidden="true">
        <span className="progress-fill" style={{ width: `${(done / view.total) * 100}%` }} />
      </span>
    </div>
  );
}

function Asking({
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
  const [now, setNow] = useState(() => Date.now());
  const submitted = useRef(false);
  const speak = view.config.mode === 'speak';
  const remaining = current.paused ? current.remainingMs : deadline - now;
  const draft = useDraftSaving(view.id, view.position, text, current.draft, !current.paused);
  const box = useRef<HTMLTextAreaElement>(null);
  const resumeButton = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);

  const submit = useCallback(
    (reason: 'answer' | 'timeout' | 'skip') => {
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

  // Focus never falls to <body>: paused, it is on Resume; running, in the answer (caret at the end).
  const wasPaused = useRef<boolean | null>(null);
  useEffect(() => {
    if (wasPaused.current === current.paused) return;
    wasPaused.current = current.paused;
    if (current.paused) resumeButton.current?.focus();
    else if (box.current) {
      box.current.focus();
      box.current.setSelectionRange(box.current.value.length, box.current.value.length);
    } else panel.current?.focus(); // speak mode: the panel, so keys still reach the page
  }, [current.paused]);
  const submitRef = useRef(submit);
  useEffect(() => {
    submitRef.current = submit;
  });

  useEffect(() => {
    if (current.paused) return;
    const tick = () => {
      const t = Date.now();
      setNow(t);
      if (view.config.onTimeout === 'lock' && deadline - t <= 0) submitRef.current('timeout');
    };
    const timer = setInterval(tick, 200);
    // A hidden or throttled window shows the true time the moment it is seen again.
    document.addEventListener('visibilitychange', tick);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', tick);
    };
  }, [current.paused, deadline, view.config.onTimeout]);

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
    <div className="asking">
      <div className="question-card card">
        <div className="question-meta">
          <LevelBadge level={current.question.level} />
          <span className="muted">{current.question.deckName}</span>
          {!speak && (
            <span className="muted small draft-state" role="status" data-testid="draft-state">
              {draft.state === 'failed'
                ? 'Your answer could not be saved yet'
                : draft.state === 'unsaved'
                  ? 'Saving…'
                  : text
                    ? 'Answer saved'
                    : ''}
            </span>
          )}
        </div>
        <div className="question-body">
          <h1 className="session-prompt" data-testid="prompt">
            {current.paused ? 'Paused' : current.question.prompt}
          </h1>
          <Countdown remainingMs={remaining} allowedMs={current.timeAllowedMs} paused={current.paused} />
        </div>
      </div>

      {current.paused ? (
        <div className="paused-panel card" role="status">
          <p className="muted">The clock is stopped and the question is hidden; this time does not count.</p>
          <button type="button" className="button button-primary button-large" onClick={togglePause} ref={resumeButton}>
            Resume <kbd>P</kbd>
          </button>
        </div>
      ) : speak ? (
        <div className="speak-panel card" tabIndex={-1} ref={panel}>
          <h2>Answer aloud</h2>
          <p className="muted">
            Say your answer as you would in the interview. When you are done, submit to see the model answer, then tick
            the keywords you named and grade yourself.
          </p>
        </div>
      ) : (
        <textarea
          className="answer-box"
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

      <div className="session-actions">
        <button type="button" className="button button-ghost" onClick={onEnd}>
          End session <kbd>Esc</kbd>
        </button>
        <span className="spacer" />
        {!view.config.strict && !current.paused && (
          <button type="button" className="button" onClick={togglePause}>
            Pause <kbd>P</kbd>
          </button>
        )}
        <button type="button" className="button" disabled={current.paused} onClick={() => submit('skip')}>
          Skip <kbd>Alt+S</kbd>
        </button>
        <button
          type="button"
          className="button button-primary"
          disabled={current.paused}
          onClick={() => submit('answer')}
        >
          Submit <kbd>Ctrl+Enter</kbd>
        </button>
      </div>
    </div>
  );
}

function Revealed({
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
  const nextLabel = last ? 'See results' : 'Next question';

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
    <div className="revealed">
      <div className="card reveal-head">
        <AttemptHeader attempt={attempt} />
        <h1 className="session-prompt">{attempt.question.prompt}</h1>
      </div>
      <h2 className="visually-hidden">Your answer against the model answer</h2>

      {speakUnticked && (
        <section className="card speak-ticks" aria-label="Keywords you said">
          <h3 className="section-label">Which keywords did you say?</h3>
          <div className="chip-row">
            {attempt.keywords.map((k) => {
              const on = spoken.includes(k.keywordId);
              return (
                <button
                  key={k.keywordId}
                  type="button"
                  className={`chip ${on ? 'chip-selected' : ''}`}
                  aria-pressed={on}
                  onClick={() => setSpoken((s) => (on ? s.filter((id) => id !== k.keywordId) : [...s, k.keywordId]))}
                >
                  {on ? '✓ ' : ''}
                  {k.label}
                </button>
              );
            })}
          </div>
          <p className="muted small">Your ticks are saved with your grade.</p>
        </section>
      )}

      <AttemptComparison attempt={attempt} />

      <div className="grade-bar card">
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
          {nextLabel} <kbd>Space</kbd>
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

export default function SessionPage({ id }: { id: number }) {
  const [view, setView] = useState<SessionView | null>(null);
  const [deadline, setDeadline] = useState(0);
  const [error, setError] = useState<Error | null>(null);
  const [confirmEnd, setConfirmEnd] = useState(false);

  const apply = useCallback((next: SessionView) => {
    // The clock arrives as "remaining on main's clock now"; anchor it to this window's clock once.
    if (next.current) setDeadline(Date.now() + next.current.remainingMs);
    setView(next);
    setError(null);
    // Ended before any answer: the session was removed, there are no results to show.
    if (next.discarded) navigate('practice');
    else if (next.phase === 'done') navigate('results', { id: next.id });
  }, []);

  const act: Act = useCallback(
    async (run) => {
      try {
        apply(await run());
      } catch (e) {
        setError(e as Error);
      }
    },
    [apply],
  );

  useEffect(() => {
    api.getSession({ sessionId: id }).then(apply, (e: Error) => setError(e));
  }, [apply, id]);

  const endSession = async () => {
    setConfirmEnd(false);
    await act(() => api.endSession({ sessionId: id }));
  };

  if (!view) return error ? <ErrorNote error={error} /> : <Loading label="Opening the session…" />;

  return (
    <div className="page session-page">
      <div className="session-top">
        <Progress view={view} />
      </div>
      {error && <ErrorNote error={error} />}
      {view.phase === 'asking' && (
        <Asking key={view.position} view={view} deadline={deadline} act={act} onEnd={() => setConfirmEnd(true)} />
      )}
      {view.phase === 'revealed' && view.revealed && (
        <Revealed
          key={view.revealed.id}
          view={view}
          attempt={view.revealed}
          act={act}
          onEnd={() => setConfirmEnd(true)}
        />
      )}
      {confirmEnd && (
        <ConfirmDialog
          title="End this session?"
          confirmLabel="End session"
          onConfirm={() => void endSession()}
          onCancel={() => setConfirmEnd(false)}
        >
          {view.answeredCount === 0 ? (
            <p>Nothing has been answered yet: the session will not be kept in your history.</p>
          ) : (
            <p>
              {view.answeredCount} of {view.total} answers are saved and stay in your history. The session will count as
              ended early{view.phase === 'asking' ? '; the question on screen counts as not reached' : ''}.
            </p>
          )}
        </ConfirmDialog>
      )}
    </div>
  );
}
