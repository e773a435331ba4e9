/**
 * Import, export, backup and restore: the input schemas of those calls and their result types.
 * Imported by the contract (src/shared/api.ts) and by the renderer's Decks page.
 */
import { z } from 'zod';
import type { ImportWarning, KeywordSpec } from './domain';
import { nameProblem } from './names';

export const IMPORT_FORMATS = ['markdown', 'json', 'csv', 'tsv', 'article'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export const EXPORT_FORMATS = ['markdown', 'json', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Largest import file, as the decoder enforces it (and the renderer checks before uploading). */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
/**
 * Largest file browser mode can upload for a restore: its body limit is 32 MB of JSON, and base64 takes 4 bytes
 * for every 3. Bigger backups are restored from the backups folder.
 */
export const MAX_UPLOAD_BYTES = 23 * 1024 * 1024;

const fileName = z.string().trim().min(1).max(255);
/** Uploads are base64; the limit leaves room for a file a little over 20 MB, so the size error can say how big. */
const base64 = (maxBytes: number) =>
  z
    .string()
    .max(Math.ceil((maxBytes * 4) / 3) + 4)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'must be base64' });
const pickedId = z.string().regex(/^[A-Za-z0-9-]{1,64}$/, { error: 'is not a file chosen in this window' });

/** Where the text of an import comes from: pasted, uploaded (browser mode), or chosen in Electron's dialog. */
export const ImportSourceInput = z.discriminatedUnion('kind', [
  z
    .object({ kind: z.literal('text'), text: z.string().max(MAX_IMPORT_BYTES + 1024), fileName: fileName.optional() })
    .strict(),
  z.object({ kind: z.literal('bytes'), base64: base64(MAX_IMPORT_BYTES + 2 * 1024 * 1024), fileName }).strict(),
  z.object({ kind: z.literal('picked'), id: pickedId }).strict(),
]);
export type ImportSource = z.infer<typeof ImportSourceInput>;

const column = z.number().int().min(0).max(500);
export const ColumnMappingInput = z
  .object({
    prompt: column,
    answer: column,
    level: column.nullable(),
    keywords: column.nullable(),
    tags: column.nullable(),
  })
  .strict();
export type ColumnMapping = z.infer<typeof ColumnMappingInput>;

/**
 * A name a person gives (deck, level, tag, keyword, alias): trimmed, not empty, no control characters
 * (names.ts). The editor's schemas (api.ts) and the importer's use this one.
 */
export const checkedName = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .superRefine((value, ctx) => {
      const problem = nameProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: `This name ${problem}` });
    });
const levelName = checkedName(60);

export const ImportTargetInput = z.union([
  z.object({ deckId: z.number().int().positive() }).strict(),
  z.object({ newDeckName: checkedName(120) }).strict(),
]);
export type ImportTarget = z.infer<typeof ImportTargetInput>;

export const DUPLICATE_CHOICES = ['skip', 'update'] as const;
export type DuplicateChoice = (typeof DUPLICATE_CHOICES)[number];

/** What to import and how: the same for the preview and the commit, so the preview shows what the commit does. */
export const ImportRequestInput = z
  .object({
    source: ImportSourceInput,
    /** Overrides detection. */
    format: z.enum(IMPORT_FORMATS).optional(),
    /** csv/tsv: which column holds what; suggested from the header when absent. */
    mapping: ColumnMappingInput.optional(),
    /** Absent: the deck the file names, if it exists, else a new deck of that name. */
    target: ImportTargetInput.optional(),
    /** One level for every question of the import. */
    levelOverride: levelName.optional(),
    /** Renames levels of the source: source level → level in the deck. */
    levelMap: z.record(z.string().max(200), levelName).optional(),
    duplicates: z.enum(DUPLICATE_CHOICES).default('skip'),
  })
  .strict();

export const CommitImportInput = ImportRequestInput.extend({ target: ImportTargetInput }).strict();

/** What happens to one question of the import. */
export type ImportAction =
  | 'create'
  /** Its prompt (or id) is already in the target deck: skipped or updated, as chosen. */
  | 'skip-duplicate'
  | 'update'
  /** The import itself has it twice: the first one is kept. */
  | 'skip-repeated';

export interface ImportPreviewQuestion {
  /** 1-based line in the source. */
  line: number;
  prompt: string;
  /** The level it will have in the deck (after the override or the level map). */
  level: string;
  /** The level the source gave it. */
  sourceLevel: string;
  keywords: KeywordSpec[];
  /** The keywords were suggested from the answer: the source named none. */
  keywordsSuggested: boolean;
  tags: string[];
  /** The start of the model answer, as plain text. */
  answerExcerpt: string;
  action: ImportAction;
}

export interface ImportTablePreview {
  /** Column names, when the file has a header row (or Anki's #columns:). */
  header: string[] | null;
  /** The first rows, as read. */
  rows: string[][];
  columnCount: number;
  mapping: ColumnMapping;
  /** The columns were recognised by their names; otherwise the person should check the mapping. */
  obvious: boolean;
}

export interface ImportPreview {
  format: ImportFormat;
  fileName: string | null;
  /** The deck as the source names it. */
  sourceDeck: { name: string; description: string; levels: string[] };
  /**
   * The levels of the source, each with its question count and the level it becomes; for an article, `hints` are
   * the headings that named it ("Django Interview Questions for Freshers").
   */
  levels: Array<{ source: string; level: string; count: number; hints: string[] }>;
  /** An article that names no level: every question goes to one level, for the person to pick. */
  noLevelHints: boolean;
  /** One page of the questions, from `offset` (see PREVIEW_PAGE); `questionCount` says how many there are. */
  questions: ImportPreviewQuestion[];
  offset: number;
  questionCount: number;
  /** Questions already in the target deck (skipped or updated, as chosen). */
  duplicateCount: number;
  warnings: ImportWarning[];
  table: ImportTablePreview | null;
  /** Where the questions go: an existing deck (deckId) or a new one. */
  target: {
    deckId: number | null;
    deckName: string;
    /** The levels the deck will have after the import, easiest first. */
    levels: string[];
    /** A new deck was asked for with the name of an existing one. */
    nameTaken: boolean;
  };
  counts: { create: number; update: number; skip: number };
}

export interface ImportResult {
  deckId: number;
  deckName: string;
  created: number;
  updated: number;
  skipped: number;
}

/** A file chosen in Electron's open dialog; main keeps its path, the renderer gets an id. */
export interface PickedFile {
  id: string;
  fileName: string;
  size: number;
}

/**
 * A file produced for the person. Browser mode streams it from `download` (a GET with the token, once); the desktop
 * app saved it where the person chose in the save dialog (or they cancelled).
 */
export type FileResult =
  | { kind: 'stream'; fileName: string; download: string }
  | { kind: 'saved'; fileName: string; path: string }
  | { kind: 'cancelled' };

export interface BankCounts {
  decks: number;
  questions: number;
  attempts: number;
}

export type BackupKind = 'auto' | 'manual' | 'replaced' | 'migration' | 'other';

export interface BackupInfo {
  fileName: string;
  size: number;
  /** When the file was written, ms since the epoch. */
  createdAt: number;
  /** auto: made on the schedule (pruned by it); manual: "Back up now"; replaced: the data a restore replaced; migration: before an upgrade of the format. */
  kind: BackupKind;
  /** What it holds; null when the file cannot be read as a Prepdeck backup. */
  counts: BankCounts | null;
}

export interface BackupList {
  /** The backups folder, for the person to find it. */
  folder: string;
  /** Newest first. */
  backups: BackupInfo[];
  /** What the data holds now, for the restore's confirmation. */
  current: BankCounts;
}

export const RestoreSourceInput = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('backup'),
      fileName: fileName.regex(/^[^/\\]+$/, { error: 'must be a file name in the backups folder' }),
    })
    .strict(),
  z.object({ kind: z.literal('bytes'), base64: base64(MAX_UPLOAD_BYTES), fileName }).strict(),
  z.object({ kind: z.literal('picked'), id: pickedId }).strict(),
  /** Browser mode: a file streamed to POST /upload first, of any size; the id it answered. */
  z.object({ kind: z.literal('uploaded'), id: pickedId }).strict(),
]);

export interface RestoreResult {
  /** What the data holds now. */
  restored: BankCounts;
  /** The backup of the data the restore replaced, in the backups folder. */
  replacedBackup: string;
}

/**
 * Whether the data file passed its check at start (`PRAGMA quick_check`). A damaged one is not used, not written,
 * and every other call answers a `storage` error until the person chooses what to do.
 */
export type StoreHealth =
  /** The check runs in the background (the store needed no migration): reads answer, writes wait for it. */
  | { status: 'checking' }
  | {
      status: 'ok';
      /** What the last recovery did, in this run of the app. */
      recovery: { damagedFile: string; restoredFrom: string | null } | null;
    }
  | {
      status: 'damaged';
      /** What SQLite's check found, in its words. */
      problem: string;
      /** The data file, as it is now. */
      file: string;
      /** Where the damaged file is kept when the person chooses (it is never deleted). */
      keepAs: string;
      /** The newest backup that passes a restore's checks, or null when there is none. */
      newestGood: BackupInfo | null;
    };

export const RECOVERY_ACTIONS = ['restore-newest', 'start-empty'] as const;
export type RecoveryAction = (typeof RECOVERY_ACTIONS)[number];

export const JobIdInput = z
  .object({ jobId: z.string().regex(/^[0-9a-f-]{36}$/, { error: 'is not a job id' }) })
  .strict();

/**
 * Long work running off the thread that answers calls (the history export, re-scoring). `done` of `total` rows;
 * when an export is done, the desktop app has saved the file at `path`, and browser mode downloads it from
 * `download` (a GET with the token, once).
 */
export interface JobProgress {
  jobId: string;
  state: 'running' | 'done' | 'failed' | 'cancelled';
  done: number;
  total: number;
  fileName: string;
  path: string | null;
  download: string | null;
  /** Why it failed, in words. */
  error: string | null;
  /** Re-scoring: of the rows done, those whose keyword score or any keyword's hit changed; null for other jobs. */
  changed: number | null;
  /** Browser mode: the finished file's size in bytes, and how many of them the download has sent so far. */
  size: number | null;
  sent: number;
  /** An import (startImport), once done: what it wrote, as commitImport answers; absent for other jobs. */
  imported?: ImportResult | null;
  /** Work in stages (a restore): what it does now, and how `done` of `total` are counted; absent for other jobs. */
  stage?: JobStage;
  /** A restore, once done: what the data holds now, and the backup of what it replaced. */
  restored?: RestoreResult;
}

/**
 * One stage of a job. `unit` null: it cannot be counted (SQLite's integrity check), so `total` is 0. `cancellable`
 * false: past the point of no return, Cancel is no longer offered.
 */
export interface JobStage {
  label: string;
  unit: 'rows' | 'bytes' | null;
  cancellable: boolean;
}

/** A job's progress as it starts (nothing done yet, none of the fields a finished job fills in), with `more` over it. */
export function startingProgress(jobId: string, fileName: string, more: Partial<JobProgress> = {}): JobProgress {
  return {
    jobId,
    state: 'running',
    done: 0,
    total: 0,
    fileName,
    path: null,
    download: null,
    error: null,
    changed: null,
    size: null,
    sent: 0,
    ...more,
  };
}
