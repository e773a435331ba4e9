import fs from 'node:fs';
import { ApiError, type ParsedInputOf } from '../../shared/api';
import type { ParsedDeck } from '../../shared/domain';
import type { ImportSource, ImportTarget } from '../../shared/transfer';
import { decodeImportBytes, ImportError, MAX_IMPORT_BYTES, parseImport, type ImportParseResult } from '../core/import';
import { checkLimits, planParsedImport, type ImportPlan, type PlanTarget } from '../core/import/prepare';
import type { Db } from '../store/db';
import { deckById, deckByName, type DeckRef } from '../store/decks';
import * as store from '../store/transfer';

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

export type ImportRequest = Omit<ParsedInputOf<'previewImport'>, 'offset' | 'limit'>;

/** A file chosen in the desktop app's dialog: where main keeps it (a worker is handed the path, not the id). */
export type PickedPath = (id: string) => { path: string; fileName: string };

/**
 * Reading and planning an import on a connection of its own: the api's (previews, small stores) or a worker's
 * (commits). Reads only; `destination` says where the plan writes, or refuses a taken deck name.
 */
export function importPlanner(db: Db, pickedPath: PickedPath) {
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

  const resolveTarget = (target: ImportTarget | undefined, deck: ParsedDeck): PlanTarget<DeckRef> => {
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

  const prepare = (req: ImportRequest): ImportPlan<DeckRef> => {
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
      checkLimits(parsed);
    } catch (error) {
      return importFailure(error);
    }
    const target = resolveTarget(req.target, parsed.deck);
    const existing = target.deck ? store.questionsForMatching(db, target.deck.id) : [];
    return planParsedImport(parsed, fileName, target, existing, req);
  };

  /** Where a planned import writes, or a conflict when the new deck's name is taken. */
  const destination = (p: ImportPlan<DeckRef>): store.ImportDestination => {
    if (p.target.nameTaken) throw store.deckNameTaken(p.target.name);
    return p.target.deck
      ? { kind: 'existing', deck: p.target.deck, levels: p.levels }
      : { kind: 'new', name: p.target.name, description: p.parsed.deck.description, levels: p.levels };
  };

  return { prepare, destination, resolveTarget };
}
