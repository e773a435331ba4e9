import { ApiError } from '../../shared/api';
import type { DeckSummary, QuestionDetail } from '../../shared/types';
import * as questions from '../store/questions';
import { activeSessionId, closeSession } from '../store/sessions';
import type { ApiContext, Handlers } from './index';

type BankCalls =
  'createDeck' | 'updateDeck' | 'getDeckImpact' | 'deleteDeck' | 'saveQuestion' | 'deleteQuestion' | 'restoreQuestion';

export function bankApi({ db, clock }: ApiContext): Pick<Handlers, BankCalls> {
  const deckSummary = (id: number): DeckSummary => {
    const deck = questions.listDecks(db).find((d) => d.id === id);
    if (!deck) throw new ApiError('not_found', `Deck ${id} does not exist (it may have been deleted).`);
    return deck;
  };
  const requireDeck = (id: number): void => {
    if (!questions.liveDeckExists(db, id)) throw new ApiError('not_found', `Deck ${id} does not exist.`);
  };
  const requireUniqueName = (name: string, exceptId = 0): void => {
    if (questions.listDecks(db).some((d) => d.id !== exceptId && d.name.toLowerCase() === name.toLowerCase())) {
      throw new ApiError('conflict', `There is already a deck called “${name}”. Choose another name.`);
    }
  };
  const requireUniquePrompt = (deckId: number, prompt: string, exceptId = 0): void => {
    if (questions.questionWithPrompt(db, deckId, prompt, exceptId) !== null) {
      throw new ApiError(
        'conflict',
        'This deck already has a question with the same prompt. Edit that one, or reword this one.',
      );
    }
  };
  const detail = (id: number): QuestionDetail => {
    const q = questions.getQuestion(db, id);
    if (!q) throw new ApiError('not_found', `Question ${id} does not exist.`);
    return q;
  };

  return {
    createDeck: (input) => {
      requireUniqueName(input.name);
      return deckSummary(questions.insertDeck(db, input, clock.now()));
    },

    updateDeck: ({ id, ...patch }) => {
      requireDeck(id);
      if (patch.name) requireUniqueName(patch.name, id);
      questions.updateDeck(db, id, patch, clock.now());
      return deckSummary(id);
    },

    getDeckImpact: ({ id }) => {
      requireDeck(id);
      return questions.deckImpact(db, id);
    },

    deleteDeck: ({ id }) => {
      requireDeck(id);
      db.transaction(() => {
        // A session cannot go on without its questions.
        const open = activeSessionId(db);
        if (open !== null) closeSession(db, open, 'ended', clock.now());
        questions.deleteDeck(db, id);
      })();
      return null;
    },

    saveQuestion: ({ id, deckId, level, prompt, answer, keywords, tags }) => {
      requireDeck(deckId);
      if (keywords.length === 0) {
        throw new ApiError('invalid_input', 'Give the question at least one keyword: answers are scored against them.');
      }
      requireUniquePrompt(deckId, prompt, id ?? 0);
      const now = clock.now();
      const parsed = { key: null, level, prompt, answer, keywords, keywordsSuggested: false, tags, line: 0 };
      if (id === undefined) {
        const newId = db.transaction(() =>
          questions.insertQuestion(db, deckId, parsed, questions.nextQuestionPosition(db, deckId), now),
        )();
        return detail(newId);
      }
      detail(id);
      db.transaction(() => questions.editQuestion(db, id, { ...parsed, deckId }, now))();
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
      requireUniquePrompt(q.deckId, q.prompt, id);
      questions.setQuestionDeleted(db, id, null);
      return detail(id);
    },
  };
}
