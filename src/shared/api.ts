/**
 * The contract: every call across the process boundary, with its input schema and result type.
 * Preload, ipc.ts and browser mode are generated from this one list; adding a call here makes the
 * compiler demand its implementation in src/main/api.
 */
import { z } from 'zod';
import { CALL_NAMES, IPC_PREFIX, type ListedCallName } from './call-names';
import { ApiError, ERROR_CODES, type ErrorCode } from './errors';
import { DEFAULT_LEVELS } from './domain';
import { LIMITS, PREVIEW_PAGE } from './limits';
import type {
  BankSummary,
  DeckSummary,
  DeletedQuestion,
  LibraryFacets,
  LibraryOverview,
  QuestionDetail,
  QuestionPage,
  RemovedBundledDeck,
} from './types';
import {
  QUESTION_SORTS,
  STATS_RANGES,
  type ActivityStats,
  type HomeStats,
  type KeywordStats,
  type LevelStats,
  type QuestionStats,
  type StatsAttempts,
} from './stats-types';
import {
  SESSION_ORDERS,
  type DraftSaved,
  type ReviewSummary,
  type ScorerStatus,
  type SessionList,
  type SessionPreview,
  type SessionResults,
  type SessionSetup,
  type SessionView,
} from './session-types';
import {
  checkedName,
  CommitImportInput,
  EXPORT_FORMATS,
  ImportRequestInput,
  RECOVERY_ACTIONS,
  RestoreSourceInput,
  type BackupInfo,
  type BackupList,
  type FileResult,
  JobIdInput,
  type JobProgress,
  type ImportPreview,
  type ImportResult,
  type PickedFile,
  type StoreHealth,
} from './transfer';

/** Declares a call: `call<Result>()(inputSchema)`. The result type exists only for the compiler. */
function call<R>() {
  return <I extends z.ZodType>(input: I) => ({ input, result: undefined as unknown as R });
}

const id = z.number().int().positive();
const noInput = z.undefined();
const text = (max: number) => z.string().max(max);

export const QuestionFilter = z
  .object({
    deckIds: z.array(id).max(1000).optional(),
    levels: z.array(text(60)).max(20).optional(),
    keywordIds: z.array(id).max(1000).optional(),
    search: text(200).optional(),
    offset: z.number().int().min(0).optional(),
    limit: z.number().int().min(1).max(500).optional(),
  })
  .strict();
export type QuestionFilter = z.infer<typeof QuestionFilter>;

const seconds = z.number().int().min(10).max(3600);

export const SessionConfigInput = z
  .object({
    deckIds: z.array(id).max(1000).default([]),
    levels: z.array(text(60)).max(20).default([]),
    keywordIds: z.array(id).max(1000).default([]),
    questionIds: z.array(id).max(500).default([]),
    count: z.number().int().min(1).max(200),
    order: z.enum(SESSION_ORDERS),
    timePerLevel: z.record(text(60), seconds).default({}),
    defaultSeconds: seconds.default(120),
    sessionCapMinutes: z.number().int().min(1).max(600).nullable().default(null),
    mode: z.enum(['write', 'speak']).default('write'),
    onTimeout: z.enum(['lock', 'overtime']).default('lock'),
    strict: z.boolean().default(false),
    /** Remember these times and choices as the next custom session's (a preset's own times are not remembered). */
    remember: z.boolean().default(true),
  })
  .strict();

const sessionRef = z.object({ sessionId: id }).strict();

const name = checkedName;

/** Said when a keyword or an alias holds a separator of the exported formats (the editor shows it too). */
export const KEYWORD_SEPARATOR_MESSAGE =
  'A keyword cannot contain ; or | — they separate keywords and aliases in exported decks';
export const ALIAS_SEPARATOR_MESSAGE =
  'An alias cannot contain ; or | — they separate keywords and aliases in exported decks';
export const TAG_SEPARATOR_MESSAGE = 'A tag cannot contain a comma — commas separate tags in exported decks';
/** Whether a keyword label or alias holds `;` or `|`, which the Markdown and CSV formats use between keywords. */
export const hasKeywordSeparator = (value: string): boolean => /[;|]/.test(value);

export const KeywordSpecInput = z
  .object({
    label: name(LIMITS.keyword).refine((v) => !hasKeywordSeparator(v), { error: KEYWORD_SEPARATOR_MESSAGE }),
    /** Replace the keyword's aliases (shared by every question using it); absent, it keeps the ones it has. */
    aliases: z
      .array(name(LIMITS.keyword).refine((v) => !hasKeywordSeparator(v), { error: ALIAS_SEPARATOR_MESSAGE }))
      .max(LIMITS.aliasesPerKeyword)
      .optional(),
    weight: z.number().int().min(1).max(5).default(1),
  })
  .strict();

export const QuestionInput = z
  .object({
    /** Absent for a new question. */
    id: id.optional(),
    deckId: id,
    level: name(LIMITS.level),
    prompt: name(LIMITS.prompt),
    answer: z.string().max(LIMITS.answer),
    keywords: z.array(KeywordSpecInput).max(LIMITS.keywords),
    tags: z
      .array(name(LIMITS.tag).refine((v) => !v.includes(','), { error: TAG_SEPARATOR_MESSAGE }))
      .max(LIMITS.tags)
      .default([]),
  })
  .strict();

const deckLevels = z
  .array(name(60))
  .min(1)
  .max(12)
  .refine((levels) => new Set(levels.map((l) => l.toLowerCase())).size === levels.length, {
    error: 'Each level can be listed only once (levels that differ only in capitals count as the same)',
  });

const DeckInput = z
  .object({
    name: name(120),
    description: z.string().max(2000).default(''),
    levels: deckLevels.default([...DEFAULT_LEVELS]),
  })
  .strict();

/** A change to a deck: what is absent stays as it is (no defaults here, unlike a new deck). */
const DeckPatchInput = z
  .object({
    id,
    name: name(120).optional(),
    description: z.string().max(2000).optional(),
    levels: deckLevels.optional(),
  })
  .strict();

/** Every stats view takes the same filter; absent lists mean all decks and all levels. */
export const StatsFilterInput = z
  .object({
    deckIds: z.array(id).max(1000).optional(),
    levels: z.array(text(60)).max(20).optional(),
    range: z.enum(STATS_RANGES).default('all'),
  })
  .strict();

export const contract = {
  // The data file: its check at start, and the way out when it failed
  /** With `untilChecked`, answers once a start-up check still running has finished. */
  getStoreHealth: call<StoreHealth>()(
    z
      .object({ untilChecked: z.literal(true) })
      .strict()
      .optional(),
  ),
  /** Only while the store is damaged: keeps the damaged file aside, then restores the newest good backup or starts empty. */
  recoverStore: call<StoreHealth>()(z.object({ action: z.enum(RECOVERY_ACTIONS) }).strict()),

  // Library
  libraryOverview: call<LibraryOverview>()(noInput),
  /** The overview without its keywords (every keyword of every deck): for pages that show only their number. */
  getBankSummary: call<BankSummary>()(noInput),
  listDecks: call<DeckSummary[]>()(noInput),
  /** The levels and keywords of one deck (all decks without deckId), for filters that follow the deck. */
  getLibraryFacets: call<LibraryFacets>()(z.object({ deckId: id.optional() }).strict()),
  listQuestions: call<QuestionPage>()(QuestionFilter),
  getQuestion: call<QuestionDetail>()(z.object({ id }).strict()),

  // Sessions: the timed mock interview
  getSessionSetup: call<SessionSetup>()(noInput),
  previewSession: call<SessionPreview>()(SessionConfigInput),
  startSession: call<SessionView>()(SessionConfigInput),
  /** The session left unfinished (closed, crashed or killed mid-way), if any. */
  getActiveSession: call<SessionView | null>()(noInput),
  getSession: call<SessionView>()(sessionRef),
  /**
   * Picks an unfinished session up again. After the app was closed or crashed, the current question
   * goes on with the time it had when its draft (or its pause) was last saved, never more.
   */
  resumeSession: call<SessionView>()(sessionRef),
  /** The answer being typed, saved as the person types (the page sends it a second behind at most). */
  saveDraft: call<DraftSaved>()(
    z.object({ sessionId: id, position: z.number().int().min(0), text: z.string().max(50_000) }).strict(),
  ),
  submitAnswer: call<SessionView>()(
    z
      .object({
        sessionId: id,
        position: z.number().int().min(0),
        answer: z.string().max(50_000),
        /** answer: Submit; timeout: the renderer's clock ran out; skip: passed over. */
        reason: z.enum(['answer', 'timeout', 'skip']),
      })
      .strict(),
  ),
  gradeAttempt: call<SessionView>()(
    z
      .object({
        sessionId: id,
        attemptId: id,
        grade: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
        /** Speak mode: the keywords the person says they named aloud. */
        namedKeywordIds: z.array(id).max(100).optional(),
      })
      .strict(),
  ),
  nextQuestion: call<SessionView>()(sessionRef),
  pauseSession: call<SessionView>()(sessionRef),
  unpauseSession: call<SessionView>()(sessionRef),
  endSession: call<SessionView>()(sessionRef),
  getSessionResults: call<SessionResults>()(sessionRef),
  /** Spaced repetition: how many questions are due for review now. */
  getReviewSummary: call<ReviewSummary>()(noInput),
  listSessions: call<SessionList>()(
    z
      .object({ offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(200).default(50) })
      .strict(),
  ),

  // Stats: numbers computed in main from the rollups, ready to draw
  getLevelStats: call<LevelStats>()(StatsFilterInput),
  getKeywordStats: call<KeywordStats>()(StatsFilterInput),
  getActivityStats: call<ActivityStats>()(StatsFilterInput),
  getQuestionStats: call<QuestionStats>()(
    StatsFilterInput.extend({
      sort: z.enum(QUESTION_SORTS).default('lastPractised'),
      dir: z.enum(['asc', 'desc']).default('desc'),
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(100).default(50),
    }).strict(),
  ),
  /** The answers behind a level, a keyword or a level × keyword cell, latest first. */
  getStatsAttempts: call<StatsAttempts>()(
    StatsFilterInput.extend({
      level: text(60).optional(),
      keywordId: id.optional(),
      limit: z.number().int().min(1).max(200).default(100),
    }).strict(),
  ),
  getHomeStats: call<HomeStats>()(noInput),
  /** Today's keyword scorer, and how many answers an older one scored. */
  getScorerStatus: call<ScorerStatus>()(noInput),
  /**
   * Starts a job (see getJob) that scores every written answer an older scorer scored again with today's: keyword
   * score, hits, verdicts and credits, and the stats with them, a chunk of answers per transaction. The one call
   * that rewrites recorded answers. Cancelled, the answers re-scored so far keep their new scores, the rest their
   * old ones (each answer is always whole, on one scorer, and getScorerStatus counts those still waiting).
   */
  rescoreHistory: call<{ jobId: string }>()(noInput),

  // Bank: editing, import, export
  createDeck: call<DeckSummary>()(DeckInput),
  updateDeck: call<DeckSummary>()(DeckPatchInput),
  /** What deleting a deck would take with it, for the confirmation; `endsSession`: the unfinished session asks it. */
  getDeckImpact: call<{ questions: number; attempts: number; endsSession: boolean }>()(z.object({ id }).strict()),
  /** A hard delete, with the deck's questions and answers; a deleted bundled deck is not installed again at start. */
  deleteDeck: call<null>()(z.object({ id }).strict()),
  /** The bundled decks the person deleted, that addBundledDeck can bring back. */
  listRemovedBundledDecks: call<RemovedBundledDeck[]>()(noInput),
  /** Installs a deleted bundled deck again, as on a first start (its old answers were deleted with it). */
  addBundledDeck: call<DeckSummary>()(z.object({ slug: z.string().min(1).max(100) }).strict()),
  /** The keywords a deck's questions use, the most used first (the editor offers them first). */
  listDeckKeywords: call<LibraryOverview['keywords']>()(z.object({ deckId: id }).strict()),
  /** Create or edit; the keywords' aliases become exactly the ones given (they belong to the keyword). */
  saveQuestion: call<QuestionDetail>()(QuestionInput),
  /** Soft delete: the question leaves the bank, its attempt history stays; restoreQuestion undoes it. */
  deleteQuestion: call<null>()(z.object({ id }).strict()),
  restoreQuestion: call<QuestionDetail>()(z.object({ id }).strict()),
  /** The soft-deleted questions of live decks (of one deck if given), newest deletion first, at most 200. */
  listDeletedQuestions: call<DeletedQuestion[]>()(z.object({ deckId: id.optional() }).strict()),
  /** Desktop only: Electron's open dialog, in main; the renderer gets an id, never a path. Null when cancelled. */
  chooseImportFile: call<PickedFile | null>()(noInput),
  /** What an import would do, written nowhere. */
  previewImport: call<ImportPreview>()(
    ImportRequestInput.extend({
      /** The page of questions to list (the counts always cover the whole import). */
      offset: z.number().int().min(0).default(0),
      limit: z.number().int().min(1).max(PREVIEW_PAGE).default(PREVIEW_PAGE),
    }).strict(),
  ),
  /**
   * The import, in one transaction: all of it or, on any error, nothing. Read, parsed and written off the thread
   * that answers calls; answers once it is written (startImport is the same, as a job with progress and Cancel).
   */
  commitImport: call<ImportResult>()(CommitImportInput),
  /**
   * commitImport as a job (see getJob): its progress counts the questions written of the total, Cancel rolls it all
   * back, and the finished job's `imported` says what commitImport would have answered; a failure's `error` is in
   * the same words.
   */
  startImport: call<{ jobId: string }>()(CommitImportInput),
  /**
   * A deck as a file, as a job like the history export: the desktop app asks where to save it first (null when the
   * person cancels the dialog), browser mode downloads it when done.
   */
  startDeckExport: call<{ jobId: string } | null>()(z.object({ deckId: id, format: z.enum(EXPORT_FORMATS) }).strict()),
  /**
   * Every answer ever given, one CSV row each, as a job off the answering thread, written in chunks: the desktop app
   * asks where to save it first (null when the person cancels the dialog), browser mode downloads it when done.
   */
  startHistoryExport: call<{ jobId: string } | null>()(noInput),
  /** How far a job has got. */
  getJob: call<JobProgress>()(JobIdInput),
  /** Stops a job and removes what it wrote; answers once it has stopped. */
  cancelJob: call<JobProgress>()(JobIdInput),
  /** A copy of the whole database in the backups folder (SQLite's online backup: safe while the app runs). */
  createBackup: call<BackupInfo>()(noInput),
  listBackups: call<BackupList>()(noInput),
  /** A backup of the backups folder, to download (browser mode) or save elsewhere (desktop). */
  exportBackup: call<FileResult>()(z.object({ fileName: text(255) }).strict()),
  chooseBackupFile: call<PickedFile | null>()(noInput),
  /**
   * Starts a job (see getJob) that checks the file, backs up the current data, then replaces it with the file's, off
   * the thread that answers calls; its progress says the stage, and `restored` once it is done. Reads answer while it
   * runs; writes are refused until it ends. Cancelled before the end, it leaves everything as it was.
   */
  restoreBackup: call<{ jobId: string }>()(z.object({ source: RestoreSourceInput }).strict()),
};

export type Contract = typeof contract;
export type CallName = keyof Contract;
/** Compile-time proof that call-names.ts lists exactly the contract's calls (the preload uses that list). */
type SameNames<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const namesInStep: SameNames<ListedCallName, CallName> = true;
void namesInStep;
export const callNames: readonly CallName[] = CALL_NAMES;

export type InputOf<K extends CallName> = z.input<Contract[K]['input']>;
export type ParsedInputOf<K extends CallName> = z.output<Contract[K]['input']>;
export type ResultOf<K extends CallName> = Contract[K]['result'];

type Args<K extends CallName> = InputOf<K> extends undefined ? [] : [input: InputOf<K>];

/** What the renderer calls: typed, promise-returning, throwing ApiError. */
export type Api = { [K in CallName]: (...args: Args<K>) => Promise<ResultOf<K>> };

/** What crosses the bridge: a value, or an error a person can read. Never a stack trace. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: { code: ErrorCode; message: string } };

/** What the preload exposes as window.api (and browser mode's fetch bridge imitates). */
export type Bridge = { [K in CallName]: (input?: unknown) => Promise<Envelope<ResultOf<K>>> };

export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.hasOwn(contract, name);
}

export { ApiError, ERROR_CODES, IPC_PREFIX, type ErrorCode };
