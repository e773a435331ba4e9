import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { localDateTime } from '../../shared/spreadsheet';
import { ApiError, type ParsedInputOf } from '../../shared/api';
import { DEFAULT_LEVELS, type ParsedDeck, type ParsedQuestion } from '../../shared/domain';
import { LIMITS, questionLimitProblem } from '../../shared/limits';
import { nameProblem } from '../../shared/names';
import type {
  ExportFormat,
  FileResult,
  ImportPreview,
  ImportSource,
  ImportTarget,
  PickedFile,
} from '../../shared/transfer';
import { writeDeckMarkdown } from '../core/deck-markdown';
import { historyCsvHead, historyCsvRows } from '../core/history-csv';
import {
  decodeImportBytes,
  ImportError,
  MAX_IMPORT_BYTES,
  parseImport,
  writeDeckCsv,
  writeDeckJson,
  type ImportParseResult,
} from '../core/import';
import { findLevel, levelFromText } from '../core/import/levels';
import { countPlan, planImport, type PlannedStep } from '../core/import/plan';
import {
  BackupFileError,
  backupDatabase,
  bankCounts,
  describeBackup,
  listBackupFiles,
  prepareRestore,
  replaceAllData,
  StoreDamagedError,
} from '../store/backup';
import { DB_FILE } from '../store/database';
import { deckById, deckByName, type DeckRef } from '../store/decks';
import * as store from '../store/transfer';
import type { ApiContext, FileFilter, Handlers } from './context';

const IMPORT_FILTERS: FileFilter[] = [
  { name: 'Question files', extensions: ['md', 'markdown', 'txt', 'json', 'csv', 'tsv', 'tab'] },
  { name: 'All files', extensions: ['*'] },
];
const BACKUP_FILTERS: FileFilter[] = [
  { name: 'Prepdeck backups', extensions: ['sqlite', 'db', 'sqlite3'] },
  { name: 'All files', extensions: ['*'] },
];

const EXPORTS: Record<
  ExportFormat,
  { ext: string; mimeType: string; label: string; write: (d: ParsedDeck) => string }
> = {
  markdown: { ext: 'md', mimeType: 'text/markdown', label: 'Prepdeck Markdown', write: writeDeckMarkdown },
  json: { ext: 'json', mimeType: 'application/json', label: 'Prepdeck JSON', write: writeDeckJson },
  csv: { ext: 'csv', mimeType: 'text/csv', label: 'CSV (Anki)', write: writeDeckCsv },
};

const NOT_IN_BROWSER = 'Not available in browser mode: use the file input instead.';
const PICKED_KEPT = 20;
const MAX_DECK_NAME = 120;

/** An ImportError as the person should read it: what is wrong, where, and that nothing was written. */
function importFailure(error: unknown): never {
  if (error instanceof ImportError) {
    const where = error.line && !error.message.includes(`line ${error.line}`) ? ` (line ${error.line})` : '';
    throw new ApiError('invalid_input', `${error.message.replace(/\.$/, '')}${where}. Nothing was imported.`);
  }
  throw error;
}

function tooBig(bytes: number): ImportError {
  const mb = (bytes / (1024 * 1024)).toFixed(1);
  return new ImportError(
    `The file is ${mb} MB (${bytes.toLocaleString('en-US')} bytes); Prepdeck imports files up to 20 MB. ` +
      'Split it into smaller files and import them one by one.',
  );
}

/** File-system friendly name from a deck name: `System design` → `system-design`. */
export function fileSlug(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return slug || 'deck';
}

const stamp = (ms: number): string => new Date(ms).toISOString().replace(/[:.]/g, '-');

const WRITE_FAILURES: Record<string, string> = {
  EACCES: 'Prepdeck may not write in that folder',
  EPERM: 'Prepdeck may not write in that folder',
  EROFS: 'the folder is read-only',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  ENOENT: 'the folder does not exist',
  ENOTDIR: 'the folder does not exist',
  EISDIR: 'a folder has that name',
  EEXIST: 'a file is where its folder should be',
  EBUSY: 'the file is in use by another program',
  SQLITE_FULL: 'the disk is full',
  SQLITE_READONLY: 'the folder is read-only',
  SQLITE_CANTOPEN: 'the file could not be created there',
};

/**
 * Runs a write of a file a person asked for (an export, a backup) and says in words what stopped it:
 * `Could not write <file>: <reason>. Nothing was changed.`
 */
async function writingFile<T>(file: string, write: () => T | Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof ApiError) throw error;
    if (error instanceof StoreDamagedError) throw new ApiError('storage', error.message);
    throw new ApiError('storage', writeFailure(file, (error as NodeJS.ErrnoException).code, (error as Error).message));
  }
}

/** `Could not write <file>: <reason in words>. Nothing was changed.` */
export function writeFailure(file: string, code: string | undefined, message: string): string {
  const reason = WRITE_FAILURES[code ?? ''] ?? (message.replace(/\.$/, '') || 'unknown error');
  return `Could not write ${path.basename(file)}: ${reason}. Nothing was changed.`;
}

/** Plain-text start of a Markdown answer, for the preview: fences, emphasis, code quotes and heading marks go. */
function excerpt(answer: string, max = 180): string {
  const text = answer
    .replace(/^\s*(```|~~~)[^\n]*$/gm, ' ')
    .replace(/^\s{0,3}(#{1,6}|>|[-+] )\s*/gm, '')
    .replace(/\*\*(\S(?:[^*]*\S)?)\*\*/g, '$1')
    .replace(/`/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

/** Adds the levels of `extra` that `base` lacks (ignoring case), keeping base's order. */
function mergeLevels(base: readonly string[], extra: readonly string[]): string[] {
  const out = [...base];
  for (const level of extra) if (findLevel(out, level) === undefined) out.push(level);
  return out;
}

/** Keeps every rule of the bank: levels are named as the deck already names them (`advanced` → `Advanced`). */
function canonicalLevel(level: string, known: readonly string[]): string {
  return findLevel(known, level) ?? level;
}

/**
 * Refuses an import the editor could not take (see shared/limits.ts): too many questions, or one too big or with a
 * name it would refuse. Said with the line, and that nothing was imported.
 */
function checkLimits(parsed: ImportParseResult): void {
  const count = parsed.deck.questions.length;
  if (count > LIMITS.importQuestions) {
    importFailure(
      new ImportError(
        `The file holds ${count.toLocaleString('en-US')} questions; Prepdeck imports up to ${LIMITS.importQuestions.toLocaleString('en-US')} at a time. ` +
          'Split it into smaller files and import them one by one',
      ),
    );
  }
  const deckProblem = nameProblem(parsed.deck.name);
  if (deckProblem) importFailure(new ImportError(`The deck's name ${deckProblem}`));
  for (const level of parsed.deck.levels) {
    const problem = nameProblem(level);
    if (problem) importFailure(new ImportError(`A level of the deck ${problem}`));
  }
  for (const q of parsed.deck.questions) {
    const problem = questionLimitProblem(q);
    if (problem) {
      importFailure(new ImportError(`The question on line ${q.line} cannot be imported: ${problem}`, q.line));
    }
  }
}

type ImportRequest = Omit<ParsedInputOf<'previewImport'>, 'offset' | 'limit'>;

interface PreparedImport {
  parsed: ImportParseResult;
  fileName: string | null;
  /** Source level → level in the deck. */
  levelOf: (sourceLevel: string) => string;
  questions: ParsedQuestion[];
  target: { deck: DeckRef | null; name: string; nameTaken: boolean };
  levels: string[];
  steps: PlannedStep[];
}

export function transferApi({ db, clock, dataDir, dialogs, jobs }: ApiContext) {
  /** Files chosen in the open dialog: id → path. The renderer only ever holds the id. */
  const picked = new Map<string, { path: string; fileName: string; size: number }>();
  let busy = false;

  const pick = async (title: string, filters: FileFilter[]): Promise<PickedFile | null> => {
    if (!dialogs) throw new ApiError('invalid_input', NOT_IN_BROWSER);
    const chosen = await dialogs.openFile({ title, filters });
    if (chosen === null) return null;
    const stat = fs.statSync(chosen, { throwIfNoEntry: false });
    if (!stat?.isFile()) throw new ApiError('not_found', 'That file could not be opened. Choose another one.');
    const file: PickedFile = { id: randomUUID(), fileName: path.basename(chosen), size: stat.size };
    picked.set(file.id, { path: chosen, fileName: file.fileName, size: stat.size });
    while (picked.size > PICKED_KEPT) picked.delete(picked.keys().next().value!);
    return file;
  };

  const pickedPath = (id: string): { path: string; fileName: string } => {
    const entry = picked.get(id);
    if (!entry) throw new ApiError('not_found', 'That file is no longer at hand: choose it again.');
    return entry;
  };

  /** The text of an import, decoded with the same checks whatever its origin (empty, binary, too big, UTF-16). */
  const readSource = (source: ImportSource): { text: string; fileName: string | null } => {
    try {
      switch (source.kind) {
        case 'text':
          if (source.text.trim() === '') throw new ImportError('There is nothing to import: the text is empty.');
          return { text: decodeImportBytes(Buffer.from(source.text, 'utf8')), fileName: source.fileName ?? null };
        case 'bytes':
          return { text: decodeImportBytes(Buffer.from(source.base64, 'base64')), fileName: source.fileName };
        case 'picked': {
          const entry = pickedPath(source.id);
          const size = fs.statSync(entry.path, { throwIfNoEntry: false })?.size;
          if (size === undefined) throw new ApiError('not_found', `“${entry.fileName}” is gone: choose it again.`);
          if (size > MAX_IMPORT_BYTES) throw tooBig(size);
          return { text: decodeImportBytes(fs.readFileSync(entry.path)), fileName: entry.fileName };
        }
      }
    } catch (error) {
      return importFailure(error);
    }
  };

  const resolveTarget = (target: ImportTarget | undefined, deck: ParsedDeck): PreparedImport['target'] => {
    if (target && 'deckId' in target) {
      const existing = deckById(db, target.deckId);
      if (!existing)
        throw new ApiError('not_found', `Deck ${target.deckId} does not exist (it may have been deleted).`);
      return { deck: existing, name: existing.name, nameTaken: false };
    }
    const name = (target?.newDeckName ?? deck.name).trim().slice(0, MAX_DECK_NAME).trim() || 'Imported deck';
    const existing = deckByName(db, name);
    // Without a target, a file that names an existing deck goes into it (an export coming back, a newer version).
    if (!target && existing) return { deck: existing, name: existing.name, nameTaken: false };
    return { deck: null, name, nameTaken: existing !== null };
  };

  /** The name of the deck the questions go to, when the request says: no keyword is suggested from it. */
  const topicOf = (target: ImportTarget | undefined): string[] | undefined => {
    if (!target) return undefined;
    const name = 'deckId' in target ? deckById(db, target.deckId)?.name : target.newDeckName;
    return name ? [name] : undefined;
  };

  const prepare = (req: ImportRequest): PreparedImport => {
    const { text, fileName } = readSource(req.source);
    let parsed: ImportParseResult;
    try {
      parsed = parseImport({
        text,
        fileName: fileName ?? undefined,
        format: req.format,
        mapping: req.mapping,
        topicWords: topicOf(req.target),
      });
    } catch (error) {
      return importFailure(error);
    }
    checkLimits(parsed);
    const target = resolveTarget(req.target, parsed.deck);
    const known = mergeLevels(target.deck?.levels ?? [], DEFAULT_LEVELS);
    const deckLevels = target.deck?.levels ?? [];
    const levelOf = (sourceLevel: string): string => {
      if (req.levelOverride !== undefined) return canonicalLevel(req.levelOverride, known);
      if (req.levelMap && Object.hasOwn(req.levelMap, sourceLevel))
        return canonicalLevel(req.levelMap[sourceLevel]!, known);
      // A level the deck names its own way ("Junior" for Beginner) takes the deck's name.
      return (
        findLevel(deckLevels, sourceLevel) ??
        deckLevels.find((l) => levelFromText(l) === sourceLevel) ??
        canonicalLevel(sourceLevel, known)
      );
    };
    const questions = parsed.deck.questions.map((q) => ({ ...q, level: levelOf(q.level) }));
    const sourceLevels = mergeLevels(
      parsed.deck.levels.map(levelOf),
      questions.map((q) => q.level),
    );
    let levels: string[];
    if (target.deck) levels = mergeLevels(target.deck.levels, sourceLevels);
    else if (sourceLevels.every((l) => (DEFAULT_LEVELS as readonly string[]).includes(l))) levels = [...DEFAULT_LEVELS];
    else levels = sourceLevels;
    const existing = target.deck ? store.questionsForMatching(db, target.deck.id) : [];
    const steps = planImport(questions, existing, req.duplicates);
    return { parsed, fileName, levelOf, questions, target, levels, steps };
  };

  /** Hands a file to the person: the save dialog in the desktop app, a download in browser mode. */
  const deliver = async (
    file: { fileName: string; mimeType: string; label: string; extensions: string[] },
    content: string | Buffer,
  ): Promise<FileResult> => {
    if (!dialogs) {
      return typeof content === 'string'
        ? { kind: 'download', fileName: file.fileName, mimeType: file.mimeType, encoding: 'utf8', content }
        : {
            kind: 'download',
            fileName: file.fileName,
            mimeType: file.mimeType,
            encoding: 'base64',
            content: content.toString('base64'),
          };
    }
    const chosen = await dialogs.saveFile({
      title: `Save ${file.label}`,
      defaultName: file.fileName,
      filters: [{ name: file.label, extensions: file.extensions }],
    });
    if (chosen === null) return { kind: 'cancelled' };
    await writingFile(chosen, () => fs.writeFileSync(chosen, content));
    return { kind: 'saved', fileName: path.basename(chosen), path: chosen };
  };

  const backupsDir = (): string => {
    if (!dataDir)
      throw new ApiError('invalid_input', 'Backups need a data folder, and this Prepdeck runs without one.');
    return path.join(dataDir, 'backups');
  };

  const backupPath = (fileName: string): string => {
    const dir = backupsDir();
    const file = path.join(dir, fileName);
    if (
      path.dirname(file) !== dir ||
      !fileName.endsWith('.sqlite') ||
      !fs.statSync(file, { throwIfNoEntry: false })?.isFile()
    ) {
      throw new ApiError('not_found', `There is no backup called “${fileName}” in the backups folder.`);
    }
    return file;
  };

  const uniqueBackupFile = (prefix: string): string => {
    const dir = backupsDir();
    const base = `${prefix}-${stamp(clock.now())}`;
    let name = `${base}.sqlite`;
    for (let n = 2; fs.existsSync(path.join(dir, name)); n++) name = `${base}-${n}.sqlite`;
    return path.join(dir, name);
  };

  /** One backup or restore at a time: they await SQLite's backup, and a second one must not interleave. */
  const exclusive = async <T>(run: () => Promise<T>): Promise<T> => {
    if (busy) throw new ApiError('conflict', 'A backup or restore is already running. Wait for it to finish.');
    busy = true;
    try {
      return await run();
    } finally {
      busy = false;
    }
  };

  return {
    chooseImportFile: () => pick('Import questions', IMPORT_FILTERS),

    previewImport: ({ offset, limit, ...req }) => {
      const p = prepare(req);
      const counts = new Map<string, number>();
      for (const q of p.parsed.deck.questions) counts.set(q.level, (counts.get(q.level) ?? 0) + 1);
      const table = p.parsed.table;
      const preview: ImportPreview = {
        format: p.parsed.format,
        fileName: p.fileName,
        sourceDeck: {
          name: p.parsed.deck.name,
          description: p.parsed.deck.description,
          levels: p.parsed.deck.levels,
        },
        levels: mergeLevels(p.parsed.deck.levels, [...counts.keys()])
          .filter((l) => counts.has(l))
          .map((source) => ({
            source,
            level: p.levelOf(source),
            count: counts.get(source)!,
            hints: (p.parsed.deck.levelHints ?? []).filter((h) => h.level === source).map((h) => h.text),
          })),
        noLevelHints: p.parsed.deck.levelHints?.length === 0,
        questions: p.steps.slice(offset, offset + limit).map((step, j) => {
          const i = offset + j;
          const q = step.question;
          return {
            line: q.line,
            prompt: q.prompt,
            level: q.level,
            sourceLevel: p.parsed.deck.questions[i]!.level,
            keywords: q.keywords,
            keywordsSuggested: q.keywordsSuggested,
            tags: q.tags,
            answerExcerpt: excerpt(q.answer),
            action: step.action,
          };
        }),
        offset,
        questionCount: p.steps.length,
        duplicateCount: p.steps.filter((s) => s.action === 'skip-duplicate' || s.action === 'update').length,
        warnings: p.parsed.deck.warnings,
        table: table
          ? {
              header: table.header,
              rows: table.rows,
              columnCount: Math.max(table.header?.length ?? 0, ...table.rows.map((r) => r.length), 1),
              mapping: table.mapping,
              obvious: table.header !== null,
            }
          : null,
        target: {
          deckId: p.target.deck?.id ?? null,
          deckName: p.target.name,
          levels: p.levels,
          nameTaken: p.target.nameTaken,
        },
        counts: countPlan(p.steps),
      };
      return preview;
    },

    commitImport: (req) => {
      const p = prepare(req);
      if (p.target.nameTaken) {
        throw new ApiError(
          'conflict',
          `There is already a deck called “${p.target.name}”. Import into it, or give the new deck another name.`,
        );
      }
      const counts = countPlan(p.steps);
      if (p.target.deck && counts.create + counts.update === 0) {
        return { deckId: p.target.deck.id, deckName: p.target.name, created: 0, updated: 0, skipped: counts.skip };
      }
      const destination: store.ImportDestination = p.target.deck
        ? { kind: 'existing', deck: p.target.deck, levels: p.levels }
        : { kind: 'new', name: p.target.name, description: p.parsed.deck.description, levels: p.levels };
      const result = store.applyImport(db, destination, p.steps, clock.now());
      return { ...result, deckName: p.target.name };
    },

    exportDeck: async ({ deckId, format }) => {
      const deck = store.deckForExport(db, deckId);
      if (!deck) throw new ApiError('not_found', `Deck ${deckId} does not exist (it may have been deleted).`);
      const spec = EXPORTS[format];
      return deliver(
        {
          fileName: `${fileSlug(deck.name)}.${spec.ext}`,
          mimeType: spec.mimeType,
          label: spec.label,
          extensions: [spec.ext],
        },
        spec.write(deck),
      );
    },

    /** The whole file in memory: kept for small histories and tests; the app uses startHistoryExport. */
    exportHistory: async () => {
      const csv = historyCsvHead() + historyCsvRows(store.historyRows(db));
      const day = localDateTime(clock.now()).slice(0, 10);
      return deliver(
        {
          fileName: `prepdeck-history-${day}.csv`,
          mimeType: 'text/csv',
          label: 'answer history (CSV)',
          extensions: ['csv'],
        },
        csv,
      );
    },

    createBackup: () =>
      exclusive(async () => {
        const file = uniqueBackupFile('prepdeck');
        await writingFile(file, () => backupDatabase(db, file));
        return describeBackup(file);
      }),

    listBackups: () => {
      const folder = backupsDir();
      return { folder, backups: listBackupFiles(folder), current: bankCounts(db) };
    },

    exportBackup: ({ fileName }) => {
      const file = backupPath(fileName);
      if (dialogs) {
        return dialogs
          .saveFile({ title: 'Save a copy of the backup', defaultName: fileName, filters: BACKUP_FILTERS })
          .then(async (chosen): Promise<FileResult> => {
            if (chosen === null) return { kind: 'cancelled' };
            // Copied by the file system off the answering thread (copy-on-write where it can), never read into memory.
            await writingFile(chosen, () => fs.promises.copyFile(file, chosen));
            return { kind: 'saved', fileName: path.basename(chosen), path: chosen };
          });
      }
      // Browser mode: streamed from the backups folder, whatever its size (no base64 inside a JSON string).
      const download = jobs.offerFile(randomUUID(), {
        file,
        fileName,
        mimeType: 'application/vnd.sqlite3',
        keep: true,
      });
      return { kind: 'stream', fileName, download } satisfies FileResult;
    },

    chooseBackupFile: () => pick('Restore a backup', BACKUP_FILTERS),

    restoreBackup: ({ source }) =>
      exclusive(async () => {
        const prefix = path.join(os.tmpdir(), 'prepdeck-restore-');
        const work = await writingFile(prefix, () => fs.mkdtempSync(prefix));
        try {
          let file: string;
          if (source.kind === 'backup') file = backupPath(source.fileName);
          else if (source.kind === 'picked') {
            file = pickedPath(source.id).path;
            if (dataDir && path.resolve(file) === path.resolve(dataDir, DB_FILE)) {
              throw new ApiError(
                'invalid_input',
                'That is the data file Prepdeck has open now, not a backup. Choose a backup file (in the backups folder, or one you saved).',
              );
            }
          } else if (source.kind === 'uploaded') {
            const upload = jobs.takeUpload(source.id);
            if (!upload) throw new ApiError('not_found', 'The uploaded file is no longer at hand: choose it again.');
            // Into the work folder, which goes when the restore ends, whatever happens.
            file = path.join(work, 'upload.sqlite');
            fs.renameSync(upload.file, file);
          } else {
            const upload = path.join(work, 'upload.sqlite');
            await writingFile(upload, () => fs.writeFileSync(upload, Buffer.from(source.base64, 'base64')));
            file = upload;
          }
          const candidate = prepareRestore(file, work);
          const replaced = uniqueBackupFile('replaced');
          await writingFile(replaced, () => backupDatabase(db, replaced));
          try {
            replaceAllData(db, candidate);
          } catch (error) {
            // Refused late (its tables turned out wrong): nothing changed, so nothing is left to list either.
            fs.rmSync(replaced, { force: true });
            throw error;
          }
          return { restored: bankCounts(db), replacedBackup: path.basename(replaced) };
        } catch (error) {
          if (error instanceof BackupFileError) {
            throw new ApiError('invalid_input', `${error.message} Nothing was changed.`);
          }
          throw error;
        } finally {
          fs.rmSync(work, { recursive: true, force: true });
        }
      }),
  } satisfies Partial<Handlers>;
}
