import { ApiError } from '../../shared/api';
import * as questions from '../store/questions';
import * as decks from '../store/decks';
import * as library from '../store/library';
import type { ApiContext, Handlers } from './context';

export function libraryApi({ db }: ApiContext) {
  return {
    libraryOverview: () => library.libraryOverview(db),
    getLibraryFacets: ({ deckId }) => library.libraryFacets(db, deckId),
    getBankSummary: () => library.bankSummary(db),
    listDecks: () => decks.listDecks(db),
    listQuestions: (filter) => library.listQuestions(db, filter),
    getQuestion: ({ id }) => {
      const question = questions.getQuestion(db, id);
      if (!question) throw new ApiError('not_found', `Question ${id} does not exist (it may have been deleted).`);
      return question;
    },
  } satisfies Partial<Handlers>;
}
