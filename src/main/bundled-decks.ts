import djangoMarkdown from '../../resources/decks/django.md?raw';
import { parseDeckMarkdown } from './core/deck-markdown';
import type { BundledDeck } from './store/bundled';

/**
 * The decks that ship inside the app. Bump a version when its file changes: an installed copy updates to it once,
 * question by question (see installBundledDeck).
 * Django: 1 = the first edition (35 questions); 2 = the second edition (51 questions, issue 10);
 * 3 = its keywords no longer credit the bare words "isolation" (lost update) and "overridden" (save()).
 */
export function bundledDecks(): BundledDeck[] {
  return [{ slug: 'django', version: 3, deck: parseDeckMarkdown(djangoMarkdown) }];
}
