/**
 * Import planning without a database: the limits an import must keep, the level each question lands in, the
 * levels the deck ends with, and the preview a person checks before committing. The api feeds it the target
 * deck's levels and questions; everything here takes data and returns data.
 */
import { DEFAULT_LEVELS, type ParsedQuestion } from '../../../shared/domain';
import { LIMITS, questionLimitProblem } from '../../../shared/limits';
import { nameProblem } from '../../../shared/names';
import type { ImportPreview } from '../../../shared/transfer';
import { ImportError } from './errors';
import type { ImportParseResult } from './index';
import { findLevel, levelFromText } from './levels';
import { countPlan, planImport, type ExistingQuestion, type PlannedStep } from './plan';

/** Plain-text start of a Markdown answer, for the preview: fences, emphasis, code quotes and heading marks go. */
export function excerpt(answer: string, max = 180): string {
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
export function mergeLevels(base: readonly string[], extra: readonly string[]): string[] {
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
 * name it would refuse. Throws an ImportError that names the line.
 */
export function checkLimits(parsed: ImportParseResult): void {
  const count = parsed.deck.questions.length;
  if (count > LIMITS.importQuestions) {
    throw new ImportError(
      `The file holds ${count.toLocaleString('en-US')} questions; Prepdeck imports up to ${LIMITS.importQuestions.toLocaleString('en-US')} at a time. ` +
        'Split it into smaller files and import them one by one',
    );
  }
  const deckProblem = nameProblem(parsed.deck.name);
  if (deckProblem) throw new ImportError(`The deck's name ${deckProblem}`);
  for (const level of parsed.deck.levels) {
    const problem = nameProblem(level);
    if (problem) throw new ImportError(`A level of the deck ${problem}`);
  }
  for (const q of parsed.deck.questions) {
    const problem = questionLimitProblem(q);
    if (problem) throw new ImportError(`The question on line ${q.line} cannot be imported: ${problem}`, q.line);
  }
}

/** How the person renames levels: one level for all, or source level → deck level. */
export interface LevelChoice {
  levelOverride?: string;
  levelMap?: Record<string, string>;
}

export interface PlannedDeck {
  id: number;
  name: string;
  levels: string[];
}

/** The deck the questions go to: an existing one (its levels known) or a new one by name. */
export interface PlanTarget<D extends PlannedDeck = PlannedDeck> {
  deck: D | null;
  name: string;
  nameTaken: boolean;
}

export interface ImportPlan<D extends PlannedDeck = PlannedDeck> {
  parsed: ImportParseResult;
  fileName: string | null;
  /** Source level → level in the deck. */
  levelOf: (sourceLevel: string) => string;
  questions: ParsedQuestion[];
  target: PlanTarget<D>;
  /** The deck's levels once the import is in. */
  levels: string[];
  steps: PlannedStep[];
}

/** Source level → the level in the deck, after the override or the map, named as the deck names it. */
export function levelResolver(deckLevels: readonly string[], choice: LevelChoice): (sourceLevel: string) => string {
  const known = mergeLevels(deckLevels, DEFAULT_LEVELS);
  return (sourceLevel) => {
    if (choice.levelOverride !== undefined) return canonicalLevel(choice.levelOverride, known);
    if (choice.levelMap && Object.hasOwn(choice.levelMap, sourceLevel))
      return canonicalLevel(choice.levelMap[sourceLevel]!, known);
    // A level the deck names its own way ("Junior" for Beginner) takes the deck's name.
    return (
      findLevel(deckLevels, sourceLevel) ??
      deckLevels.find((l) => levelFromText(l) === sourceLevel) ??
      canonicalLevel(sourceLevel, known)
    );
  };
}

/** The whole plan of an import: each question's level, the deck's levels after, and what happens to each question. */
export function planParsedImport<D extends PlannedDeck>(
  parsed: ImportParseResult,
  fileName: string | null,
  target: PlanTarget<D>,
  existing: readonly ExistingQuestion[],
  choice: LevelChoice & { duplicates: 'skip' | 'update' },
): ImportPlan<D> {
  const levelOf = levelResolver(target.deck?.levels ?? [], choice);
  const questions = parsed.deck.questions.map((q) => ({ ...q, level: levelOf(q.level) }));
  const sourceLevels = mergeLevels(
    parsed.deck.levels.map(levelOf),
    questions.map((q) => q.level),
  );
  let levels: string[];
  if (target.deck) levels = mergeLevels(target.deck.levels, sourceLevels);
  else if (sourceLevels.every((l) => (DEFAULT_LEVELS as readonly string[]).includes(l))) levels = [...DEFAULT_LEVELS];
  else levels = sourceLevels;
  const steps = planImport(questions, existing, choice.duplicates);
  return { parsed, fileName, levelOf, questions, target, levels, steps };
}

/** One page of the plan, as the preview shows it. */
export function importPreview(p: ImportPlan, offset: number, limit: number): ImportPreview {
  const counts = new Map<string, number>();
  for (const q of p.parsed.deck.questions) counts.set(q.level, (counts.get(q.level) ?? 0) + 1);
  const table = p.parsed.table;
  return {
    format: p.parsed.format,
    fileName: p.fileName,
    sourceDeck: { name: p.parsed.deck.name, description: p.parsed.deck.description, levels: p.parsed.deck.levels },
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
      const q = step.question;
      return {
        line: q.line,
        prompt: q.prompt,
        level: q.level,
        sourceLevel: p.parsed.deck.questions[offset + j]!.level,
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
}
