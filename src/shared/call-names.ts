/**
 * The names of the contract's calls, without their schemas. The preload imports this file, not
 * api.ts, so that its bundle does not carry zod; api.ts checks at compile time that this list and
 * the contract hold exactly the same names.
 */
export const CALL_NAMES = [
  'libraryOverview',
  'getBankSummary',
  'listDecks',
  'listQuestions',
  'getQuestion',
  'getSessionSetup',
  'previewSession',
  'startSession',
  'getActiveSession',
  'getSession',
  'resumeSession',
  'submitAnswer',
  'gradeAttempt',
  'nextQuestion',
  'pauseSession',
  'unpauseSession',
  'endSession',
  'getSessionResults',
  'getReviewSummary',
  'listSessions',
  'getLevelStats',
  'getKeywordStats',
  'getActivityStats',
  'getQuestionStats',
  'getStatsAttempts',
  'getHomeStats',
  'createDeck',
  'updateDeck',
  'getDeckImpact',
  'deleteDeck',
  'listDeckKeywords',
  'saveQuestion',
  'deleteQuestion',
  'restoreQuestion',
  'listDeletedQuestions',
  'chooseImportFile',
  'previewImport',
  'commitImport',
  'exportDeck',
  'exportHistory',
  'createBackup',
  'listBackups',
  'exportBackup',
  'chooseBackupFile',
  'restoreBackup',
] as const;

export type ListedCallName = (typeof CALL_NAMES)[number];

export const IPC_PREFIX = 'prepdeck:';
