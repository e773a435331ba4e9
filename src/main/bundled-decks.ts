import djangoMarkdown from '../../resources/decks/django.md?raw';
import { parseDeckMarkdown } from './core/deck-markdown';
import type { BundledDeck } from './store/bundled';

/** The decks that ship inside the app. Bump a version when its file changes. */
export function bundledDecks(): BundledDeck[] {
  return [{ slug: 'django', version: 1, deck: parseDeckMarkdown(djangoMarkdown) }];
}
