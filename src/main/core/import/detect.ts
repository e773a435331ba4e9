import { matchAnswerMarkers } from '../deck-markdown';

export type ImportFormat = 'markdown' | 'json' | 'csv' | 'tsv' | 'article';

/**
 * Guesses the format of an import: the file extension first (.json, .csv, .tsv decide; .md and .txt narrow it),
 * then the content. Never throws.
 */
export function detectFormat(text: string, fileName?: string): ImportFormat {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName ?? '')?.[1]?.toLowerCase() ?? '';
  if (ext === 'json') return 'json';
  if (ext === 'csv') return 'csv';
  if (ext === 'tsv' || ext === 'tab') return 'tsv';
  const head = text.replace(/^\uFEFF/, '').slice(0, 256 * 1024);
  if (ext === 'md' || ext === 'markdown') return isPrepdeckMarkdown(head) ? 'markdown' : 'article';
  // .txt: an Anki export, a tab-separated table, a Prepdeck deck saved as text, or an article.
  if (looksLikeJson(head)) return 'json';
  const anki = ankiSeparator(head);
  if (anki !== null) return anki === '\t' ? 'tsv' : 'csv';
  if (isPrepdeckMarkdown(head)) return 'markdown';
  if (isTabSeparated(head)) return 'tsv';
  if (hasCsvHeaderRow(head)) return 'csv';
  return 'article';
}

/** Starts like a JSON object: `{` then a quoted key or `}`. */
function looksLikeJson(head: string): boolean {
  return /^\s*\{\s*(?:["'}]|[A-Za-z_$][\w$]*\s*:)/.test(head);
}

/** The separator of a file that starts with Anki header lines (`#separator:tab` …), else null. */
function ankiSeparator(head: string): string | null {
  let sawHeader = false;
  for (const line of head.split('\n', 20)) {
    if (!line.startsWith('#')) break;
    const m = /^#\s*separator\s*:(.*)$/i.exec(line.replace(/\r$/, ''));
    if (m) {
      const v = m[1]!;
      if (v === '\t' || v.trim().toLowerCase() === 'tab') return '\t';
      return ',';
    }
    if (/^#\s*(?:html|tags column|columns|deck|notetype|guid column|deck column|notetype column)\s*:/i.test(line)) {
      sawHeader = true;
    }
  }
  return sawHeader ? ',' : null;
}

/**
 * A Prepdeck Markdown deck: `### ` question headings under `## ` level headings, with `Keywords:` metadata lines
 * right below question headings (blank lines and `Id:` allowed in between). Fenced code is skipped.
 */
export function isPrepdeckMarkdown(text: string): boolean {
  let inFence = false;
  let sawLevel = false;
  let questions = 0;
  let withKeywords = 0;
  let inMeta = false;
  const lines = text.split('\n');
  // A wrapped answer (`<!-- answer -->` … `<!-- /answer -->`) is answer text, whatever its lines look like.
  const wrapped = matchAnswerMarkers(lines);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trimEnd();
    const close = inFence ? undefined : wrapped.get(i);
    if (close !== undefined) {
      i = close;
      inMeta = false;
      continue;
    }
    if (/^\s*(```|~~~)/.test(line)) {
      inFence = !inFence;
      inMeta = false;
      continue;
    }
    if (inFence) continue;
    if (/^##\s+\S/.test(line)) {
      sawLevel = true;
      inMeta = false;
      continue;
    }
    if (/^###\s+\S/.test(line)) {
      if (sawLevel) questions++;
      inMeta = sawLevel;
      continue;
    }
    if (!inMeta) continue;
    if (!line.trim()) continue;
    if (/^keywords\s*:/i.test(line)) {
      withKeywords++;
      inMeta = false;
    } else if (!/^(id|tags|level)\s*:/i.test(line)) inMeta = false;
  }
  return questions > 0 && withKeywords > 0 && withKeywords * 2 >= questions;
}

/** Most non-empty lines have a tab after some text (not just tab indentation). */
function isTabSeparated(head: string): boolean {
  let lines = 0;
  let tabbed = 0;
  for (const line of head.split('\n', 60)) {
    if (!line.trim() || line.startsWith('#')) continue;
    lines++;
    if (/\S\t/.test(line)) tabbed++;
  }
  return lines > 0 && tabbed / lines >= 0.8;
}

/** A first row like `question,answer` or `Front;Back;Tags`. */
function hasCsvHeaderRow(head: string): boolean {
  const first = head.split('\n', 1)[0]!.trim().toLowerCase();
  if (first.length > 200) return false;
  const cells = first.split(/[,;|]/).map((c) => c.trim().replace(/^"|"$/g, ''));
  if (cells.length < 2) return false;
  const names = new Set(['question', 'answer', 'front', 'back', 'prompt', 'level', 'keywords', 'tags', 'difficulty']);
  return cells.filter((c) => names.has(c)).length >= 2;
}
