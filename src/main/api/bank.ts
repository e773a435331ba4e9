import { ApiError } from '../../shared/api';
import type { DeckSummary, QuestionDetail } from '../../shared/types';
import { bundledDecks } from '../bundled-decks';
import { findLevel } from '../core/import/levels';
import { addBundledDeckAgain, isBundledDeckRemoved } from '../store/bundled';
import * as questions from '../store/questions';
import * as decks from '../store/decks';
import { deckKeywords, keywordAliases } from '../store/keywords';
import * as library from '../store/library';
import { activeSessionId, closeSession, getSessionRow } from '../store/sessions';
import type { ApiContext, Handlers } from './context';

const DUPLICATE_PROMPT = 'This deck already has a question with that prompt. Edit that one, or reword this one.';
const DUPLICATE_ON_RESTORE =
  'This deck already has a question with that prompt (it was added after this one was deleted). ' +
  'Reword or delete that one, then restore this one again.';

const quoteList = (items: readonly string[]): string => items.map((i) => `“${i}”`).join(', ');
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

export function bankApi({ db, clock }: ApiContext) {
  const deckSummary = (id: number): DeckSummary => {
    const deck = decks.listDecks(db).find((d) => d.id === id);
    if (!deck) throw new ApiError('not_found', `Deck ${id} does not exist (it may have been deleted).`);
    return deck;
  };
  const requireDeck = (id: number): void => {
    if (!decks.deckById(db, id)) throw new ApiError('not_found', `Deck ${id} does not exist.`);
  };
  const requireUniqueName = (name: string, exceptId = 0): void => {
    const taken = decks.deckByName(db, name);
    if (taken && taken.id !== exceptId) {
      throw new ApiError('conflict', `There is already a deck called “${name}”. Choose another name.`);
    }
  };
  const requireUniquePrompt = (deckId: number, prompt: string, exceptId: number, message: string): void => {
    if (questions.questionWithPrompt(db, deckId, prompt, exceptId) !== null) throw new ApiError('conflict', message);
  };
  /** Runs a write; the store's unique prompt index (a save that raced past the check above) answers as the check would. */
  const writing = <T>(message: string, write: () => T): T => {
    try {
      return db.transaction(write)();
    } catch (error) {
      if (questions.isDuplicatePromptError(error)) throw new ApiError('conflict', message);
      throw error;
    }
  };
  /** The deck's own spelling of a level (capitals ignored), or a refusal that names the deck's levels. */
  const deckLevel = (deck: DeckSummary, level: string): string => {
    const known = findLevel(deck.levels, level);
    if (known !== undefined) return known;
    throw new ApiError(
      'invalid_input',
      `“${level}” is not a level of ${deck.name}. Choose one of its levels (${quoteList(deck.levels)}), ` +
        'or add the level to the deck on the Decks page first.',
    );
  };
  /** Whether the unfinished session (if any) asks a question of this deck, and so cannot outlive it. */
  const sessionUsingDeck = (deckId: number): number | null => {
    const open = activeSessionId(db);
    if (open === null) return null;
    const session = getSessionRow(db, open);
    return session && questions.deckHasAnyOf(db, deckId, session.plan) ? open : null;
  };
  const detail = (id: number): QuestionDetail => {
    const q = questions.getQuestion(db, id);
    if (!q) throw new ApiError('not_found', `Question ${id} does not exist.`);
    return q;
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
      return deckKeywords(db, deckId);
    },

    saveQuestion: ({ id, deckId, level, prompt, answer, keywords, tags }) => {
      const deck = deckSummary(deckId);
      // No keywords is allowed (an import may bring a question without any, and people add them later): its answers
      // are then not scored, rather than scored 0% (see submitAnswer).
      const parsed = {
        key: null,
        level: deckLevel(deck, level),
        prompt,
        answer,
        keywords: keywords.map(({ label, aliases, weight }) => ({
          label,
          aliases: aliases ?? keywordAliases(db, label),
          weight,
        })),
        keywordsSuggested: false,
        tags,
        line: 0,
      };
      requireUniquePrompt(deckId, prompt, id ?? 0, DUPLICATE_PROMPT);
      const now = clock.now();
      if (id === undefined) {
        const newId = writing(DUPLICATE_PROMPT, () =>
          questions.insertQuestion(db, deckId, parsed, questions.nextQuestionPosition(db, deckId), now, {
            aliases: 'replace',
          }),
        );
        return detail(newId);
      }
      detail(id);
      writing(DUPLICATE_PROMPT, () => questions.editQuestion(db, id, { ...parsed, deckId }, now));
      return detail(id);
    },

    deleteQuestion: ({ id }) => {
      detail(id);
      questions.setQuestionDeleted(db, id, clock.now());
      return null;
    },

    restoreQuestion: ({ id }) => {
      const q = questions.getQuestion(db, id, { includeDeleted: true });
      if (!q) throw new ApiError('not_found', `Question ${id} does not exist.`);
      requireUniquePrompt(q.deckId, q.prompt, id, DUPLICATE_ON_RESTORE);
      writing(DUPLICATE_ON_RESTORE, () => questions.setQuestionDeleted(db, id, null));
      return detail(id);
    },

    listDeletedQuestions: ({ deckId }) => {
      if (deckId !== undefined) requireDeck(deckId);
      return library.listDeletedQuestions(db, deckId);
    },
  } satisfies Partial<Handlers>;
}
