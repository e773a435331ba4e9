/**
 * Which calls are reads (cached by the data layer) and, for every other call, which reads it changes.
 * The renderer's data layer caches the reads and, after a write, refetches what it changed. Shared, so a
 * test can run every write against the real api and check this map (tests/unit/call-effects.test.ts).
 */
import type { CallName } from './api';

/** Calls that change nothing: their answers are cached under [call, input] and refetched when a write touches them. */
export const READ_CALLS = [
  'getStoreHealth',
  'libraryOverview',
  'getBankSummary',
  'listDecks',
  'getLibraryFacets',
  'listQuestions',
  'getQuestion',
  'getSessionSetup',
  'previewSession',
  'getActiveSession',
  'getSession',
  'getSessionResults',
  'getReviewSummary',
  'listSessions',
  'getLevelStats',
  'getKeywordStats',
  'getActivityStats',
  'getQuestionStats',
  'getStatsAttempts',
  'getHomeStats',
  'getScorerStatus',
  'getDeckImpact',
  'listRemovedBundledDecks',
  'listDeckKeywords',
  'listDeletedQuestions',
  'previewImport',
  'getJob',
  'listBackups',
] as const satisfies readonly CallName[];

export type ReadCall = (typeof READ_CALLS)[number];
/** Every call that is not a read: adding a call to the contract makes the compiler ask where it goes. */
export type WriteCall = Exclude<CallName, ReadCall>;

/** The questions and decks: what the Library, the editor and the session setup read. */
const BANK = [
  'libraryOverview',
  'getBankSummary',
  'listDecks',
  'getLibraryFacets',
  'listQuestions',
  'getQuestion',
  'listDeckKeywords',
  'listDeletedQuestions',
  'listRemovedBundledDecks',
  'getSessionSetup',
  'previewSession',
  'getDeckImpact',
  'previewImport', // which questions of a file are already in the deck
  'listBackups', // it shows the current store's counts
] as const satisfies readonly ReadCall[];

/** A session's own state: the runner, the resume banner, the history list and the results. */
const SESSION = [
  'getActiveSession',
  'getSession',
  'getSessionResults',
  'listSessions',
  'getDeckImpact',
] as const satisfies readonly ReadCall[];

/** What is computed from the answers: charts, Home's numbers, due reviews, the scorer's backlog. */
const ANSWERS = [
  'getLevelStats',
  'getKeywordStats',
  'getActivityStats',
  'getQuestionStats',
  'getStatsAttempts',
  'getHomeStats',
  'getReviewSummary',
  'getScorerStatus',
  'getBankSummary',
  'libraryOverview',
  'previewSession',
  'listBackups',
] as const satisfies readonly ReadCall[];

/** For each write, the reads whose answers it can change; the layer invalidates them after it succeeds. */
export const WRITE_EFFECTS = {
  // Both replace the whole data file.
  recoverStore: READ_CALLS,
  restoreBackup: READ_CALLS,

  startSession: [...SESSION, ...ANSWERS, 'getSessionSetup'],
  resumeSession: SESSION,
  saveDraft: ['getActiveSession', 'getSession'],
  submitAnswer: [...SESSION, ...ANSWERS],
  gradeAttempt: [...SESSION, ...ANSWERS],
  nextQuestion: SESSION,
  pauseSession: SESSION,
  unpauseSession: SESSION,
  endSession: [...SESSION, ...ANSWERS],
  rescoreHistory: [...SESSION, ...ANSWERS],

  createDeck: BANK,
  updateDeck: [...BANK, ...SESSION, ...ANSWERS],
  deleteDeck: [...BANK, ...SESSION, ...ANSWERS],
  addBundledDeck: [...BANK, ...ANSWERS],
  saveQuestion: [...BANK, ...SESSION, ...ANSWERS],
  deleteQuestion: [...BANK, ...SESSION, ...ANSWERS],
  restoreQuestion: [...BANK, ...SESSION, ...ANSWERS],
  commitImport: [...BANK, ...ANSWERS],
  // A job: what it changes is what it has written once it is done (the page reads them again then).
  startImport: [...BANK, ...ANSWERS],

  // Files and dialogs: they read the store or the disk and change no answer the app shows.
  chooseImportFile: [],
  chooseBackupFile: [],
  startDeckExport: [],
  exportBackup: [],
  startHistoryExport: [],
  cancelJob: ['getJob'],
  createBackup: ['listBackups', 'getStoreHealth'],
} as const satisfies { [W in WriteCall]: readonly ReadCall[] };
