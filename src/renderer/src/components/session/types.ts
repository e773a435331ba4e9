import type { SessionView } from '../../../../shared/session-types';

/** Runs a call that answers with the session's new view, and shows that view (or the call's error). */
export type Act = (run: () => Promise<SessionView>) => Promise<void>;
