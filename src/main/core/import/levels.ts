import { DEFAULT_LEVELS } from '../../../shared/domain';

/** How `levels` already spell `level`, capitals ignored (`advanced` → `Advanced`); undefined if it is not one of them. */
export function findLevel(levels: readonly string[], level: string): string | undefined {
  const lower = level.toLowerCase();
  return levels.find((l) => l.toLowerCase() === lower);
}

/** Words that name a level, mapped onto Prepdeck's default levels. */
const LEVEL_WORDS: Record<string, string> = {
  beginner: 'Beginner',
  beginners: 'Beginner',
  basic: 'Beginner',
  basics: 'Beginner',
  easy: 'Beginner',
  fresher: 'Beginner',
  freshers: 'Beginner',
  junior: 'Beginner',
  juniors: 'Beginner',
  fundamental: 'Beginner',
  fundamentals: 'Beginner',
  foundational: 'Beginner',
  novice: 'Beginner',
  intermediate: 'Intermediate',
  medium: 'Intermediate',
  moderate: 'Intermediate',
  advanced: 'Advanced',
  hard: 'Advanced',
  expert: 'Advanced',
  experts: 'Advanced',
  senior: 'Advanced',
  seniors: 'Advanced',
  experienced: 'Advanced',
  difficult: 'Advanced',
  bonus: 'Advanced',
  scenario: 'Scenario',
  scenarios: 'Scenario',
  situational: 'Scenario',
  practical: 'Scenario',
  behavioral: 'Scenario',
  behavioural: 'Scenario',
};

const PRACTICAL_NEXT = new Set([
  'questions',
  'question',
  'scenarios',
  'scenario',
  'interview',
  'problems',
  'exercises',
  'tasks',
  'level',
]);

/**
 * The default level named by a heading or cell, e.g. "🚀 Advanced-Level Interview Questions" → Advanced,
 * "Bonus Scenario-Based Questions" → Scenario, "Questions for Freshers" → Beginner; null when none is named.
 * A scenario word wins over a difficulty word ("Advanced scenario questions" are scenario questions).
 */
export function levelFromText(text: string): string | null {
  const words = text
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter(Boolean);
  let found: string | null = null;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    let level: string | undefined = LEVEL_WORDS[w];
    // "practical" alone is too common ("A Practical Guide"): only "practical questions/scenarios/…" count.
    if (w === 'practical' && !PRACTICAL_NEXT.has(words[i + 1] ?? '')) continue;
    if (!level && (w === 'entry' || w === 'mid') && words[i + 1] === 'level') {
      level = w === 'entry' ? 'Beginner' : 'Intermediate';
    }
    if (!level) continue;
    if (level === 'Scenario') return level;
    found ??= level;
  }
  return found;
}

/**
 * A level cell or tag value as a level name: an exact (case-insensitive) match among the known levels first,
 * then the synonyms above, else the value itself, trimmed.
 */
export function normalizeLevel(value: string, known: readonly string[]): string {
  const v = value.trim();
  const lower = v.toLowerCase();
  const exact = findLevel(known, v) ?? findLevel(DEFAULT_LEVELS, v);
  if (exact) return exact;
  const words = lower.split(/[^a-z]+/).filter(Boolean);
  if (words.length > 0 && words.length <= 3) {
    const mapped = levelFromText(lower);
    if (mapped) return mapped;
  }
  return v;
}

/**
 * Levels for a parsed deck, easiest first: the declared ones (if any) in their order, then the default levels
 * that are used in Prepdeck's order, then any other used level in order of first use.
 */
export function orderLevels(used: readonly string[], declared: readonly string[] = []): string[] {
  const out = [...declared];
  for (const level of DEFAULT_LEVELS) if (used.includes(level) && !out.includes(level)) out.push(level);
  for (const level of used) if (!out.includes(level)) out.push(level);
  return out;
}
