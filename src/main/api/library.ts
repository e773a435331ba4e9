import { ApiError } from '../../shared/api';
import * as questions from '../store/questions';
import type { ApiContext, Handlers } from './context';

export function libraryApi({ db }: ApiContext) {
  return {
    libraryOverview: () => questions.libraryOverview(db),
    getLibraryFacets: ({ deckId }) => questions.libraryFacets(db, deckId),
    getBankSummary: () => questions.bankSummary(db),
    listDecks: () => questions.listDecks(db),
    listQuestions: (filter) => questions.listQuestions(db, filter),
    getQuestion: ({ id }) => {
      const question = questions.getQuestion(db, id);
      if (!question) throw new ApiError('not_found', `Question ${id} does not exist (it may have been deleted).`);
      return question;
    },
  } satisfies Partial<Handlers>;
}
