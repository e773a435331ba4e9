/** Domain types shared by main, preload and renderer. Plain data only. */

export const DEFAULT_LEVELS = ['Beginner', 'Intermediate', 'Advanced', 'Scenario'] as const;

/** A keyword a good answer names, with the other ways candidates say it. */
export interface KeywordSpec {
  label: string;
  aliases: string[];
  /** Relative weight in the keyword score; 1 unless the deck says otherwise. */
  weight: number;
}

/** One question as read from an import file, before it is in the store. */
export interface ParsedQuestion {
  /** Stable identity inside its deck (the bundled deck's `Id:` line); optional for user decks. */
  key: string | null;
  level: string;
  prompt: string;
  /** Model answer, Markdown. */
  answer: string;
  keywords: KeywordSpec[];
  /** True when the keywords were suggested from the answer rather than given by the source. */
  keywordsSuggested: boolean;
  tags: string[];
  /** 1-based line in the source where the question starts, for previews and warnings. */
  line: number;
}

export interface ImportWarning {
  /** 1-based line in the source, or 0 when the warning is about the whole file. */
  line: number;
  message: string;
}

/** A heading or title of an article that names a level ("… for Freshers"), and the level it was read as. */
export interface LevelHint {
  text: string;
  level: string;
  /** 1-based line of its first appearance. */
  line: number;
}

export interface ParsedDeck {
  name: string;
  description: string;
  /** Levels in their intended order (easiest first). */
  levels: string[];
  questions: ParsedQuestion[];
  warnings: ImportWarning[];
  /**
   * Articles only: the headings that named a level. Empty when the article names none: every question then has the
   * one default level, for the person to choose.
   */
  levelHints?: LevelHint[];
}
