import { useMutation } from '@tanstack/react-query';

/** What the last action said: what it did, or why it failed. */
export interface ActionMessage {
  text: string;
  error: boolean;
}

/**
 * One action at a time (an export, a backup, a restore, a file to choose) that says in words what it did:
 * `run` takes a function that returns that sentence (or null for nothing to say) and throws on failure.
 * Its pending and error state are TanStack's, not flags of its own; writes inside go through the data layer.
 */
export function useAction(): {
  run: (action: () => Promise<string | null>) => void;
  working: boolean;
  message: ActionMessage | null;
} {
  const action = useMutation({ mutationFn: (run: () => Promise<string | null>) => run() });
  const message = action.isError
    ? { text: action.error.message, error: true }
    : action.data
      ? { text: action.data, error: false }
      : null;
  return { run: (run) => action.mutate(run), working: action.isPending, message };
}
