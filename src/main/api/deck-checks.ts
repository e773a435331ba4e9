import { ApiError } from '../../shared/api';
import type { DeckSummary } from '../../shared/types';
import type { Db } from '../store/db';
import * as decks from '../store/decks';

/** What the deck and question features both check first: the deck exists, as the Decks page lists it. */
export function deckChecks(db: Db) {
  return {
    deckSummary: (id: number): DeckSummary => {
      const deck = decks.listDecks(db).find((d) => d.id === id);
      if (!deck) throw new ApiError('not_found', `Deck ${id} does not exist (it may have been deleted).`);
      return deck;
    },
    requireDeck: (id: number): void => {
      if (!decks.deckById(db, id)) throw new ApiError('not_found', `Deck ${id} does not exist.`);
    },
  };
}
