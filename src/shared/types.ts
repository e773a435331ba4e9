/** Result types of the contract's calls. Plain, serialisable data. */

export interface DeckSummary {
  id: number;
  name: string;
  description: string;
  levels: string[];
  questionCount: number;
  bundled: boolean;
}

/** A deck that ships with the app and that the person deleted; addBundledDeck brings it back. */
export interface RemovedBundledDeck {
  slug: string;
  name: string;
  questionCount: number;
}

export interface LevelCount {
  level: string;
  count: number;
}

export interface KeywordRef {
  id: number;
  label: string;
  aliases: string[];
}

export interface KeywordCount extends KeywordRef {
  questionCount: number;
}

export interface LibraryOverview {
  questionCount: number;
  decks: DeckSummary[];
  /** Every level in use, in deck order (easiest first), with its question count. */
  levels: LevelCount[];
  /** Every keyword in use, most used first. */
  keywords: KeywordCount[];
}

/** The levels and keywords of one deck (or of every deck), with their question counts: the Library's facets. */
export interface LibraryFacets {
  levels: LevelCount[];
  keywords: KeywordCount[];
}

/** Where a search found a question: in its prompt, its model answer, its keywords (by label or alias). */
export interface SearchMatch {
  fields: Array<'prompt' | 'answer' | 'keyword'>;
  /** The words around the first match in the answer, when the answer matched. */
  answerSnippet?: string;
  /** The keywords that matched (their labels). */
  keywords?: string[];
}

/** The bank in outline, as Home and Stats show it: the overview without its list of keywords. */
export interface BankSummary extends Omit<LibraryOverview, 'keywords'> {
  /** How many keywords the live questions use. */
  keywordCount: number;
}

export interface QuestionSummary {
  id: number;
  deckId: number;
  deckName: string;
  level: string;
  prompt: string;
  keywords: KeywordRef[];
  /** Set when the list was searched. */
  match?: SearchMatch;
}

export interface QuestionPage {
  total: number;
  items: QuestionSummary[];
}

export interface QuestionKeyword extends KeywordRef {
  weight: number;
}

/** A soft-deleted question of a live deck, waiting in "Recently deleted" with its answer history. */
export interface DeletedQuestion {
  id: number;
  deckId: number;
  deckName: string;
  level: string;
  prompt: string;
  /** When it was deleted (epoch ms). */
  deletedAt: number;
  /** Past answers to it, kept in the history. */
  attempts: number;
}

export interface QuestionDetail {
  id: number;
  deckId: number;
  deckName: string;
  level: string;
  prompt: string;
  /** Model answer, Markdown. */
  answer: string;
  keywords: QuestionKeyword[];
  tags: string[];
  edited: boolean;
}
