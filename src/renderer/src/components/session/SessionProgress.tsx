import type { SessionView } from '../../../../shared/session-types';
import styles from './SessionProgress.module.css';

/** Where the session is: the question on screen of the total, and a bar of the answers given. */
export function SessionProgress({ view }: { view: SessionView }) {
  const done = view.answeredCount;
  return (
    <div className={styles.progress}>
      <span className={styles.text} data-testid="progress">
        {Math.min(view.position + 1, view.total)} / {view.total}
      </span>
      <span className={styles.track} aria-hidden="true">
        <span className={styles.fill} style={{ width: `${(done / view.total) * 100}%` }} />
      </span>
    </div>
  );
}
