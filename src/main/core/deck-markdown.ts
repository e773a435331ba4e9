import type { ImportWarning, KeywordSpec, ParsedDeck, ParsedQuestion } from '../../shared/domain';

/**
 * The Prepdeck Markdown deck format (documented in the README):
 * `# Deck`, optional description and `Levels:` line, `## Level`, `### Prompt`,
 * then `Id:` / `Keywords:` / `Tags:` metadata lines, then the model answer in Markdown.
 */

const FENCE = /^\s*(```|~~~)/;
const META = /^(id|keywords|tags|level)\s*:\s*(.*)$/i;
const MAX_WEIGHT = 5;

export function parseKeywordList(value: string): KeywordSpec[] {
  const specs: KeywordSpec[] = [];
  for (const part of value.split(';')) {
    const names = part
      .split('|')
      .map((s) => s.trim())
      .filter(Boolean);
    if (names.length === 0) continue;
    let label = names[0]!;
    let weight = 1;
    const weighted = /^(.*\S)\s+\*([1-9]\d*)$/.exec(label);
    if (weighted) {
      label = weighted[1]!;
      weight = Math.min(MAX_WEIGHT, Number(weighted[2]));
    }
    const aliases = [...new Set(names.slice(1))].filter((a) => a.toLowerCase() !== label.toLowerCase());
    specs.push({ label, aliases, weight });
  }
  return specs;
}

export function formatKeywordList(keywords: readonly KeywordSpec[]): string {
  return keywords.map((k) => [k.weight > 1 ? `${k.label} *${k.weight}` : k.label, ...k.aliases].join(' | ')).join('; ');
}

interface Draft {
  question: ParsedQuestion;
  inMeta: boolean;
  /** A metadata line was read; the blank line after the block ends it (so an answer may start with "Tags: …"). */
  sawMeta: boolean;
  body: string[];
}

export function parseDeckMarkdown(text: string): ParsedDeck {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const warnings: ImportWarning[] = [];
  const questions: ParsedQuestion[] = [];
  let name = '';
  const description: string[] = [];
  let declaredLevels: string[] | null = null;
  const seenLevels: string[] = [];
  let level: string | null = null;
  let draft: Draft | null = null;
  let inFence = false;

  const finish = (): void => {
    if (!draft) return;
    const q = draft.question;
    q.answer = draft.body.join('\n').trim();
    if (!q.answer) warnings.push({ line: q.line, message: `"${q.prompt}" has no model answer.` });
    if (q.keywords.length === 0) warnings.push({ line: q.line, message: `"${q.prompt}" has no keywords.` });
    questions.push(q);
    draft = null;
  };

  lines.forEach((raw, index) => {
    const lineNo = index + 1;
    const line = raw.trimEnd();
    if (FENCE.test(line)) inFence = !inFence;
    const heading = inFence ? null : /^(#{1,3})\s+(.*\S)\s*#*\s*$/.exec(line);
    if (heading) {
      const depth = heading[1]!.length;
      const title = heading[2]!.trim();
      if (depth === 1 && !name && !draft && level === null) {
        name = title;
        return;
      }
      if (depth === 2) {
        finish();
        level = title.replace(/^level\s*:\s*/i, '');
        if (!seenLevels.includes(level)) seenLevels.push(level);
        return;
      }
      if (depth === 3) {
        finish();
        if (level === null) {
          warnings.push({
            line: lineNo,
            message: `"${title}" comes before any "## Level" heading; it was put under "Unsorted".`,
          });
          level = 'Unsorted';
          if (!seenLevels.includes(level)) seenLevels.push(level);
        }
        draft = {
          question: {
            key: null,
            level,
            prompt: title,
            answer: '',
            keywords: [],
            keywordsSuggested: false,
            tags: [],
            line: lineNo,
          },
          inMeta: true,
          sawMeta: false,
          body: [],
        };
        return;
      }
    }
    if (!draft) {
      if (level === null && name) {
        const levelsLine = /^levels\s*:\s*(.+)$/i.exec(line.trim());
        if (levelsLine) {
          declaredLevels = levelsLine[1]!
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean);
        } else {
          description.push(line);
        }
      } else if (line.trim()) {
        warnings.push({ line: lineNo, message: 'Text outside any question was ignored.' });
      }
      return;
    }
    if (draft.inMeta && !inFence) {
      if (!line.trim()) {
        if (draft.sawMeta) draft.inMeta = false;
        return;
      }
      const meta = META.exec(line.trim());
      if (meta) {
        draft.sawMeta = true;
        const key = meta[1]!.toLowerCase();
        const value = meta[2]!.trim();
        if (key === 'id') draft.question.key = value || null;
        else if (key === 'keywords') draft.question.keywords.push(...parseKeywordList(value));
        else if (key === 'tags')
          draft.question.tags.push(
            ...value
              .split(',')
              .map((t) => t.trim())
              .filter(Boolean),
          );
        else if (key === 'level' && value) draft.question.level = value;
        return;
      }
    }
    draft.inMeta = false;
    draft.body.push(raw);
  });
  finish();
  if (inFence)
    warnings.push({ line: lines.length, message: 'A code block is never closed (``` without its closing ```).' });

  const levels = declaredLevels ?? seenLevels;
  for (const q of questions) {
    if (!levels.includes(q.level)) levels.push(q.level);
  }
  return { name, description: description.join('\n').trim(), levels, questions, warnings };
}

export function writeDeckMarkdown(deck: Pick<ParsedDeck, 'name' | 'description' | 'levels' | 'questions'>): string {
  const out: string[] = [`# ${deck.name}`, ''];
  if (deck.description) out.push(deck.description, '');
  out.push(`Levels: ${deck.levels.join(', ')}`, '');
  const levels = [...deck.levels];
  for (const q of deck.questions) if (!levels.includes(q.level)) levels.push(q.level);
  for (const level of levels) {
    const qs = deck.questions.filter((q) => q.level === level);
    if (qs.length === 0) continue;
    out.push(`## ${level}`, '');
    for (const q of qs) {
      out.push(`### ${q.prompt.replace(/\s*\n\s*/g, ' ')}`, '');
      if (q.key) out.push(`Id: ${q.key}`);
      out.push(`Keywords: ${formatKeywordList(q.keywords)}`);
      if (q.tags.length) out.push(`Tags: ${q.tags.join(', ')}`);
      out.push('', q.answer.trim(), '');
    }
  }
  return out.join('\n');
}
