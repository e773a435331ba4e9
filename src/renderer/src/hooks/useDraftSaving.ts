import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api';

/** The answer being typed reaches main at most this long after a keystroke (DESIGN: "a second behind at most"). */
const DRAFT_SAVE_MS = 800;

/**
 * While the clock runs, main records the time left this often even when nothing is typed (reading the
 * question, or answering aloud), so a question resumed after a crash has what it had then, not its start.
 */
const CLOCK_SAVE_MS = 5_000;

/**
 * Saves the answer being typed: at most DRAFT_SAVE_MS after the first unsaved keystroke (not reset
 * by further typing, so a fast typist is never more than that behind), at once on `flush`, and when
 * the question leaves the screen (a click on the sidebar); and the clock every CLOCK_SAVE_MS.
 */
export function useDraftSaving(sessionId: number, position: number, text: string, initial: string, running: boolean) {
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
