import { useEffect, useRef, useState } from 'react';

/**
 * The time now, five times a second while the question runs (and at once when a hidden window is seen
 * again), for a countdown read as deadline − now. Calls `onTimeUp` when time runs out and `lock` is set.
 */
export function useQuestionClock(paused: boolean, deadline: number, lock: boolean, onTimeUp: () => void): number {
  const [now, setNow] = useState(() => Date.now());
  const timeUp = useRef(onTimeUp);
  useEffect(() => {
    timeUp.current = onTimeUp;
  });

  useEffect(() => {
    if (paused) return;
    const tick = () => {
      const t = Date.now();
      setNow(t);
      if (lock && deadline - t <= 0) timeUp.current();
    };
    const timer = setInterval(tick, 200);
    // A hidden or throttled window shows the true time the moment it is seen again.
    document.addEventListener('visibilitychange', tick);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', tick);
    };
  }, [paused, deadline, lock]);

  return now;
}
