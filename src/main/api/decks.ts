/** The decks feature: create, rename, change levels, delete (and what goes with it), bundled decks, a deck's keywords. */
import { ApiError } from '../../shared/api';
import { bundledDecks } from '../bundled-decks';
import { findLevel } from '../core/import/levels';
import { addBundledDeckAgain, isBundledDeckRemoved } from '../store/bundled';
import * as decks from '../store/decks';
import { keywordsInUse } from '../store/keywords';
import * as questions from '../store/questions';
import { activeSessionId, closeSession, getSessionRow } from '../store/sessions';
import type { ApiContext, Handlers } from './context';
import { deckChecks } from './deck-checks';

const questionsWord = (n: number): string => (n === 1 ? '1 question is' : `${n} questions are`);

/**
 * The levels a change of a deck's list renames, as a person means it: with the same number of levels, a name
 * changed only in capitals, or the one name changed in place. Any other change adds, removes or reorders levels.
 */
function renamedLevels(before: readonly string[], after: readonly string[]): Array<{ from: string; to: string }> {
  if (before.length !== after.length) return [];
  const changed = before.flatMap((from, i) => (from === after[i] ? [] : [{ from, to: after[i]!, i }]));
  const recased = changed.filter((c) => c.from.toLowerCase() === c.to.toLowerCase());
  const renamed = changed.filter((c) => !recased.includes(c));
  const inPlace = renamed.length === 1 ? renamed[0]! : null;
  // A name that was already another level of the deck is a move, not a new name.
  const isNew = inPlace !== null && findLevel(before, inPlace.to) === undefined;
  return [...recased, ...(isNew ? [inPlace] : [])].map(({ from, to }) => ({ from, to }));
}

export function decksApi({ db, clock }: ApiContext) {
  const { deckSummary, requireDeck } = deckChecks(db);
  const requireUniqueName = (name: string, exceptId = 0): void => {
    const taken = decks.deckByName(db, name);
    if (taken && taken.id !== exceptId) {
      throw new ApiError('conflict', `There is already a deck called “${name}”. Choose another name.`);
    }
  };
  /** Whether the unfinished session (if any) asks a question of this deck, and so cannot outlive it. */
  const sessionUsingDeck = (deckId: number): number | null => {
    const open = activeSessionId(db);
    if (open === null) return null;
    const session = getSessionRow(db, open);
    return session && questions.deckHasAnyOf(db, deckId, session.plan) ? open : null;
  };

  return {
    createDeck: (input) => {
      requireUniqueName(input.name);
      return deckSummary(decks.insertDeck(db, input, clock.now()));
    },

    updateDeck: ({ id, ...patch }) => {
      const deck = deckSummary(id);
      if (patch.name) requireUniqueName(patch.name, id);
      const now = clock.now();
      db.transaction(() => {
        if (patch.levels) {
          const renames = renamedLevels(deck.levels, patch.levels);
          for (const { from, to } of renames) questions.renameQuestionLevel(db, id, from, to, now);
          const kept = [...patch.levels, ...renames.map((r) => r.from)];
          for (const level of deck.levels.filter((l) => !kept.includes(l))) {
            const used = questions.questionsAtLevel(db, id, level);
            if (used > 0) {
              throw new ApiError(
                'conflict',
                `${questionsWord(used)} at the level “${level}” in ${deck.name}. ` +
                  'Move them to another level first (edit them in the Library), then remove the level.',
              );
            }
          }
        }
        decks.updateDeck(db, id, patch, now);
      })();
      return deckSummary(id);
    },

    getDeckImpact: ({ id }) => {
      requireDeck(id);
      return { ...decks.deckImpact(db, id), endsSession: sessionUsingDeck(id) !== null };
    },

    deleteDeck: ({ id }) => {
      requireDeck(id);
      db.transaction(() => {
        // A session cannot go on without its questions; one on other decks carries on.
        const open = sessionUsingDeck(id);
        if (open !== null) closeSession(db, open, 'ended', clock.now());
        decks.deleteDeck(db, id, clock.now());
      })();
      return null;
    },

    listRemovedBundledDecks: () =>
      bundledDecks()
        .filter((b) => isBundledDeckRemoved(db, b.slug))
        .map((b) => ({ slug: b.slug, name: b.deck.name, questionCount: b.deck.questions.length })),

    addBundledDeck: ({ slug }) => {
      const bundled = bundledDecks().find((b) => b.slug === slug);
      if (!bundled || !isBundledDeckRemoved(db, slug)) {
        throw new ApiError('not_found', `There is no deleted bundled deck “${slug}” to add again.`);
      }
      const { name } = bundled.deck;
      if (decks.deckByName(db, name)) {
        throw new ApiError(
          'conflict',
          `There is already a deck called “${name}”. Rename it on the Decks page, then add the ${name} deck again.`,
        );
      }
      addBundledDeckAgain(db, bundled, clock.now());
      const added = decks.deckByName(db, name);
      if (!added) throw new ApiError('storage', `The ${name} deck could not be added.`);
      return deckSummary(added.id);
    },

    listDeckKeywords: ({ deckId }) => {
      requireDeck(deckId);
      return keywordsInUse(db, deckId);
    },
  } satisfies Partial<Handlers>;
}
