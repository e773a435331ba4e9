/** The questions feature: save (new or edited), delete and restore, and the list of deleted ones. */
import { ApiError } from '../../shared/api';
import type { DeckSummary, QuestionDetail } from '../../shared/types';
import { findLevel } from '../core/import/levels';
import { keywordAliases } from '../store/keywords';
import * as library from '../store/library';
import * as questions from '../store/questions';
import type { ApiContext, Handlers } from './context';
import { deckChecks } from './deck-checks';

const DUPLICATE_PROMPT = 'This deck already has a question with that prompt. Edit that one, or reword this one.';
const DUPLICATE_ON_RESTORE =
  'This deck already has a question with that prompt (it was added after this one was deleted). ' +
  'Reword or delete that one, then restore this one again.';

const quoteList = (items: readonly string[]): string => items.map((i) => `“${i}”`).join(', ');
export function questionsApi({ db, clock }: ApiContext) {
  const { deckSummary, requireDeck } = deckChecks(db);
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
  const detail = (id: number): QuestionDetail => {
    const q = questions.getQuestion(db, id);
    if (!q) throw new ApiError('not_found', `Question ${id} does not exist.`);
    return q;
  };

  return {
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
