import { useMutation } from '@tanstack/react-query';
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

/**
 * Starting a session from a page: `start.mutate(choice)`; `start.isPending` and `start.error` are its busy
 * and error state (the session opens on success, so there is nothing else to show).
 */
export function useStartPractice() {
  return useMutation({ mutationFn: startPractice });
}

/** "Practise these" from a page: `practise.mutate(questionIds)`, with its busy and error state. */
export function usePractiseQuestions() {
  return useMutation({ mutationFn: practiseQuestions });
}
