import { useEffect, useState } from 'react';
import { ACCESS_DENIED_EVENT, tokenMissing } from '../api';
import iconUrl from '../../../../resources/icon.svg';
import styles from './BrowserAccess.module.css';

export type Access = 'open' | 'missing' | 'refused';

/** Whether browser mode lets this page in: no token in its address, or a token the server refused. */
export function useBrowserAccess(): Access {
  const [access, setAccess] = useState<Access>(tokenMissing ? 'missing' : 'open');
  useEffect(() => {
    const refuse = () => setAccess('refused');
    window.addEventListener(ACCESS_DENIED_EVENT, refuse);
    return () => window.removeEventListener(ACCESS_DENIED_EVENT, refuse);
  }, []);
  return access;
}

/**
 * Browser mode opened without its token, or with an old one: how to get in. Trying again cannot
 * help, so there is no button; the way in is the address `npm run web` prints.
 */
export function BrowserAccess({ access }: { access: Exclude<Access, 'open'> }) {
  return (
    <main className={styles.access}>
      <div className={`card ${styles.accessCard}`}>
        <img className={styles.accessMark} src={iconUrl} alt="" />
        <h1>Open Prepdeck from the address it prints</h1>
        <p className="lead">
          {access === 'missing'
            ? 'This address has no access token. Browser mode lets in only the address it printed when it started.'
            : 'This address’s access token is not the one Prepdeck is running with: a new token is made each time browser mode starts.'}
        </p>
        <ol className={styles.accessSteps}>
          <li>
            In a terminal, in the Prepdeck folder, run <code>npm run web</code> (or leave it running if it already is).
          </li>
          <li>
            Open the address it prints after <strong>Open:</strong>, the whole of it, with its token — for example{' '}
            <code>http://127.0.0.1:41723/?token=…</code>
          </li>
        </ol>
        <p className="muted small">
          The token keeps other websites and other programs on this computer away from your questions and answers.
        </p>
      </div>
    </main>
  );
}
