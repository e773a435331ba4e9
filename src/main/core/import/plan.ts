import type { ParsedQuestion } from '../../../shared/domain';
import type { DuplicateChoice } from '../../../shared/transfer';

/** A question already in the target deck, as far as matching cares. */
export interface ExistingQuestion {
  id: number;
  prompt: string;
  key: string | null;
  deleted: boolean;
}

export type PlannedStep =
  | { action: 'create'; question: ParsedQuestion; key: string | null }
  | { action: 'update'; question: ParsedQuestion; id: number }
  | { action: 'skip-duplicate' | 'skip-repeated'; question: ParsedQuestion };

/** The store compares prompts case-insensitively (COLLATE NOCASE); lower-casing here folds at least as much. */
const fold = (prompt: string): string => prompt.trim().toLowerCase();

/**
 * Decides, for each question of an import, whether it creates a question, updates one or is skipped, so that
 * the writes can never break the deck's rules (one live question per prompt; one question per id).
 * A question matches an existing one by its id (`key`) or its prompt. The first of two questions of the import
 * with the same prompt wins.
 */
export function planImport(
  incoming: readonly ParsedQuestion[],
  existing: readonly ExistingQuestion[],
  duplicates: DuplicateChoice,
): PlannedStep[] {
  const livePrompt = new Map<string, number>();
  const liveKey = new Map<string, number>();
  const promptOf = new Map<number, string>();
  const takenKeys = new Set<string>();
  for (const q of existing) {
    if (q.key !== null) takenKeys.add(q.key);
    if (q.deleted) continue;
    livePrompt.set(fold(q.prompt), q.id);
    promptOf.set(q.id, fold(q.prompt));
    if (q.key !== null) liveKey.set(q.key, q.id);
  }
  const seenPrompts = new Set<string>();
  const matched = new Set<number>();
  return incoming.map((question): PlannedStep => {
    const p = fold(question.prompt);
    if (seenPrompts.has(p)) return { action: 'skip-repeated', question };
    seenPrompts.add(p);
    const byKey = question.key !== null ? liveKey.get(question.key) : undefined;
    const match = byKey ?? livePrompt.get(p);
    if (match !== undefined) {
      if (matched.has(match)) return { action: 'skip-repeated', question };
      matched.add(match);
      if (duplicates === 'skip') return { action: 'skip-duplicate', question };
      // Matched by id, with a new prompt that another question of the deck already has: updating would clash.
      const holder = livePrompt.get(p);
      if (holder !== undefined && holder !== match) return { action: 'skip-duplicate', question };
      const old = promptOf.get(match);
      if (old !== undefined) livePrompt.delete(old);
      livePrompt.set(p, match);
      promptOf.set(match, p);
      return { action: 'update', question, id: match };
    }
    // A key held by a deleted question (or earlier in this import) cannot be used again.
    const key = question.key !== null && !takenKeys.has(question.key) ? question.key : null;
    if (key !== null) takenKeys.add(key);
    livePrompt.set(p, -1);
    return { action: 'create', question, key };
  });
}

export function countPlan(steps: readonly PlannedStep[]): { create: number; update: number; skip: number } {
  let create = 0;
  let update = 0;
  for (const s of steps) {
    if (s.action === 'create') create++;
    else if (s.action === 'update') update++;
  }
  return { create, update, skip: steps.length - create - update };
}
