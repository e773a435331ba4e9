import type { InputOf } from '../../../../shared/api';
import type {
  ColumnMapping,
  DuplicateChoice,
  ImportFormat,
  ImportPreview,
  ImportSource,
} from '../../../../shared/transfer';
import { plural } from '../../lib/format';

export const FORMAT_LABELS: Record<ImportFormat, string> = {
  markdown: 'Prepdeck Markdown',
  json: 'Prepdeck JSON',
  csv: 'CSV',
  tsv: 'TSV (tab-separated)',
  article: 'Article text',
};

/** The file or text being imported. */
export interface Chosen {
  source: ImportSource;
  /** What the person recognises: the file name, or "Pasted text". */
  label: string;
  size: number;
}

export type Target = { kind: 'auto' } | { kind: 'existing'; deckId: number } | { kind: 'new'; name: string };

/** What the person chose about the import, on top of the source. */
export interface Options {
  format: ImportFormat | null;
  mapping: ColumnMapping | null;
  target: Target;
  /** '' keeps each question's own level. */
  levelOverride: string;
  levelMap: Record<string, string>;
  duplicates: DuplicateChoice;
}

export const INITIAL: Options = {
  format: null,
  mapping: null,
  target: { kind: 'auto' },
  levelOverride: '',
  levelMap: {},
  duplicates: 'skip',
};

export type Request = InputOf<'previewImport'>;

/** The preview call for a source and the choices: a choice left at its default is left out. */
export function buildRequest(chosen: Chosen, o: Options): Request {
  const request: Request = { source: chosen.source, duplicates: o.duplicates };
  if (o.format) request.format = o.format;
  if (o.mapping) request.mapping = o.mapping;
  if (o.target.kind === 'existing') request.target = { deckId: o.target.deckId };
  if (o.target.kind === 'new' && o.target.name.trim()) request.target = { newDeckName: o.target.name.trim() };
  if (o.levelOverride) request.levelOverride = o.levelOverride;
  else if (Object.keys(o.levelMap).length > 0) request.levelMap = o.levelMap;
  return request;
}

/** The commit's target: the deck chosen, or a new deck named as typed, else as the preview named it. */
export function commitTarget(target: Target, preview: ImportPreview): InputOf<'commitImport'>['target'] {
  if (target.kind === 'existing') return { deckId: target.deckId };
  return { newDeckName: target.kind === 'new' ? target.name.trim() : preview.target.deckName };
}

/** The deck the first preview found for an import left on "auto": the one the file names, or a new one. */
export function settleTarget(o: Options, preview: ImportPreview): Options {
  if (o.target.kind !== 'auto') return o;
  const { deckId, deckName } = preview.target;
  return { ...o, target: deckId !== null ? { kind: 'existing', deckId } : { kind: 'new', name: deckName } };
}

/** The last preview that worked, with the request that produced it. */
export interface Shown {
  request: Request;
  preview: ImportPreview;
}

const sameValue = (a: unknown, b: unknown): boolean => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** What the person can change after a failed preview, judged by what changed since the last one that worked. */
export function whatToChange(request: Request, shown: Shown | null, detected: ImportFormat | null): string {
  const sameReading = shown !== null && (request.format ?? detected) === shown.preview.format;
  const table = sameReading ? shown.preview.table : null;
  const mapping = table ? (request.mapping ?? table.mapping) : null;
  if (mapping && mapping.prompt === mapping.answer) {
    return 'Choose another column for the Question or for the Answer above.';
  }
  if (!shown) {
    return 'If the file is in another format, choose it under “Read as” above; or start over with another file.';
  }
  const was = shown.request;
  if (!sameValue(request.format, was.format)) {
    return `Choose another format under “Read as” above: as ${FORMAT_LABELS[shown.preview.format]}, it read ${plural(shown.preview.questionCount, 'question')}.`;
  }
  if (!sameValue(request.mapping, was.mapping)) return 'Choose other columns above.';
  if (!sameValue(request.target, was.target)) return 'Choose another deck under “Into deck” above.';
  if (!sameValue(request.levelOverride, was.levelOverride) || !sameValue(request.levelMap, was.levelMap)) {
    return 'Choose other levels above.';
  }
  return 'Change the choices above, or start over with another file.';
}
