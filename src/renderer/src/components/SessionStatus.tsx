import clsx from 'clsx';
import type { SessionStatus as Status } from '../../../shared/session-types';
import styles from './SessionStatus.module.css';

const WORDS: Record<Status, string> = { finished: 'Finished', ended: 'Ended early', active: 'Unfinished' };
const TONE: Record<Status, string | undefined> = { finished: styles.finished, ended: styles.ended, active: undefined };

/** Whether a session was finished, ended early or left unfinished, as a tinted pill with the words. */
export function SessionStatus({ status }: { status: Status }) {
  return <span className={clsx(styles.status, TONE[status])}>{WORDS[status]}</span>;
}
