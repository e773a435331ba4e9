import type { SessionConfig } from '../../../shared/session-types';
import { apiQuery, queryClient, runWrite } from '../data/client';
import { navigate } from '../hooks/useRoute';

/** Starts a session from the remembered preferences plus `choice`, and opens it. */
export async function startPractice(choice: Partial<SessionConfig>): Promise<void> {
  const { defaults } = await queryClient.fetchQuery(apiQuery('getSessionSetup'));
  const view = await runWrite(queryClient, 'startSession', { ...defaults, ...choice });
  navigate('session', { id: view.id });
}

/** "Practise this": a session of exactly these questions, in random order. */
export function practiseQuestions(questionIds: number[]): Promise<void> {
  return startPractice({ questionIds, count: questionIds.length, order: 'random' });
}
