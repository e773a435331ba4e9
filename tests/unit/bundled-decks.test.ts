/**
 * Every deck that ships in resources/decks/ checks itself: a new deck file gets these checks by being there.
 * The keywords are the ruler every score and chart is measured with, so they are held to the deck guidelines.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDeckMarkdown } from '../../src/main/core/deck-markdown';
import { scoreAnswer, type ScoringKeyword } from '../../src/main/core/scoring';
import type { ParsedQuestion } from '../../src/shared/domain';
import { checkPython } from './python-check';

const DECKS = 'resources/decks';
const files = fs.readdirSync(DECKS).sort();

/** The scorer's stop-words: a keyword form made only of these names nothing specific. */
const STOP_WORDS = new Set('a an the of to and or in on at for by with vs versus is are be as'.split(' '));
/**
 * Everyday words that turn up in any answer: alone, as a whole keyword or alias, they would be named by accident.
 * A keyword may use them inside a phrase ("update the row", "cache invalidation"), never on their own.
 */
const EVERYDAY = new Set(
  [
    'update',
    'order',
    'ready',
    'rest',
    'view',
    'views',
    'model',
    'models',
    'cache',
    'caching',
    'list',
    'filter',
    'join',
    'joins',
    'data',
    'user',
    'users',
    'request',
    'response',
    'template',
    'templates',
    'form',
    'forms',
    'field',
    'fields',
    'test',
    'tests',
    'save',
    'delete',
    'index',
    'query',
    'queries',
    'lock',
    'key',
    'token',
    'worker',
    'workers',
    'page',
    'app',
    'file',
    'files',
    'time',
    'table',
    'server',
    'task',
    'tasks',
    'queue',
    'security',
    'secure',
    'config',
    'configuration',
    'settings',
    'logging',
    'authentication',
    'permission',
    'permissions',
    'signal',
    'signals',
    'session',
    'sessions',
    'validation',
    'error',
    'errors',
    'change',
    'changes',
    'fast',
    'slow',
    'scale',
    'scalable',
    'scalability',
    'performance',
    'modular',
    'concurrent',
    'isolation',
    'overridden',
    'override',
    'concurrency',
    'database',
    'db',
    'api',
    'python',
    'django',
    'web',
    'code',
    'object',
    'objects',
    'value',
  ].map((w) => w.toLowerCase()),
);

const WORD = /[\p{L}\p{N}]+/gu;
/** A code chunk (`on_delete`, `transaction.atomic`, `ready()`) is matched as all of its words, stop-words too. */
const CODE_CHUNK = /[\p{L}\p{N}](?:[._=]+|::|->)[\p{L}\p{N}]|\(\)|_|\p{Ll}\p{Lu}/u;

/** The words of a keyword form that must appear for it to be named. */
const formWords = (form: string): string[] =>
  form
    .split(/\s+/)
    .flatMap((chunk) =>
      (chunk.toLowerCase().match(WORD) ?? []).filter((w) => CODE_CHUNK.test(chunk) || !STOP_WORDS.has(w)),
    );

/** Why a keyword form (label or alias) could be named by accident, or null when it is specific enough. */
function tooVague(form: string): string | null {
  const left = formWords(form);
  if (left.length === 0) return 'only stop-words';
  if (left.length > 1) return null;
  const [word] = left as [string];
  if (/^\p{L}{1,2}$/u.test(word) || word.length < 2) return 'a single word of one or two letters';
  if (EVERYDAY.has(word)) return `the everyday word "${word}" on its own`;
  return null;
}

const scoring = (q: ParsedQuestion): ScoringKeyword[] =>
  q.keywords.map((k, id) => ({ id, label: k.label, aliases: k.aliases, weight: k.weight }));

/** The fenced code blocks of a Markdown answer, with their language. */
function codeBlocks(markdown: string): Array<{ lang: string; code: string }> {
  const blocks: Array<{ lang: string; code: string }> = [];
  const fence = /^(```|~~~)[ \t]*([^\s`]*)[^\n]*\n([\s\S]*?)^\1[ \t]*$/gm;
  for (const m of markdown.matchAll(fence)) blocks.push({ lang: (m[2] ?? '').toLowerCase(), code: m[3] ?? '' });
  return blocks;
}

/** The answer's prose: what it says outside code blocks. */
const prose = (markdown: string): string => markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[ \t]*$/gm, ' ');

it('finds the bundled decks', () => {
  expect(files).toContain('django.md');
  // Only Markdown decks ship; any other file would silently escape these checks.
  expect(files.filter((f) => !f.endsWith('.md'))).toEqual([]);
});

for (const file of files) {
  const deck = parseDeckMarkdown(fs.readFileSync(path.join(DECKS, file), 'utf8'));

  describe(`the bundled deck ${file}`, () => {
    it('reads without warnings, with a stable unique Id on every question', () => {
      expect(deck.warnings).toEqual([]);
      const ids = deck.questions.map((q) => q.key);
      expect(ids.filter((id) => id === null || !/^[a-z0-9-]+$/.test(id))).toEqual([]);
      expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    });

    it('holds at least 10 questions at each of its levels, and no question outside them', () => {
      const counts = Object.fromEntries(
        deck.levels.map((level) => [level, deck.questions.filter((q) => q.level === level).length]),
      );
      expect(Object.entries(counts).filter(([, n]) => n < 10)).toEqual([]);
      expect(deck.questions.filter((q) => !deck.levels.includes(q.level)).map((q) => q.key)).toEqual([]);
    });

    it('spells a keyword the same way wherever it is used (the store keeps one keyword per label)', () => {
      const seen = new Map<string, { key: string | null; aliases: string }>();
      const clashes: string[] = [];
      for (const q of deck.questions) {
        for (const k of q.keywords) {
          const label = k.label.toLowerCase();
          const aliases = [...k.aliases].sort().join(' | ');
          const first = seen.get(label);
          if (!first) seen.set(label, { key: q.key, aliases });
          else if (first.aliases !== aliases) clashes.push(`${k.label}: ${first.key} and ${q.key} differ`);
        }
      }
      expect(clashes).toEqual([]);
    });

    describe.each(deck.questions.map((q) => [q.key ?? q.prompt, q] as const))('%s', (_key, q) => {
      it('has 4–7 keywords, each with a sane weight and no weight left in an alias, and 1–3 tags', () => {
        expect(q.keywords.length).toBeGreaterThanOrEqual(4);
        expect(q.keywords.length).toBeLessThanOrEqual(7);
        for (const k of q.keywords) {
          expect(k.weight, k.label).toBeGreaterThanOrEqual(1);
          expect(k.weight, k.label).toBeLessThanOrEqual(3);
          expect(
            k.aliases.filter((a) => /\*\d\s*$/.test(a)),
            k.label,
          ).toEqual([]);
        }
        expect(q.tags.length).toBeGreaterThanOrEqual(1);
        expect(q.tags.length).toBeLessThanOrEqual(3);
      });

      it('has no keyword or alias that names an everyday word or stop-word on its own', () => {
        const vague = q.keywords.flatMap((k) =>
          [k.label, ...k.aliases].flatMap((form) => {
            const why = tooVague(form);
            return why ? [`${k.label} | ${form}: ${why}`] : [];
          }),
        );
        expect(vague).toEqual([]);
      });

      it('has a model answer of substance: 120–400 words of explanation besides its code', () => {
        const count = (prose(q.answer).match(WORD) ?? []).length;
        expect(count).toBeGreaterThanOrEqual(120);
        expect(count).toBeLessThanOrEqual(400);
      });

      it('has a model answer that names every keyword (self-score 100%)', () => {
        const { score, hits } = scoreAnswer(q.answer, scoring(q));
        expect(hits.filter((h) => !h.hit).map((h) => h.label)).toEqual([]);
        expect(score).toBe(1);
      });

      it('is not answered by its prompt: the prompt alone scores 10% at most and names no keyword', () => {
        const { score, hits } = scoreAnswer(q.prompt, scoring(q));
        expect(score).toBeLessThanOrEqual(0.1);
        expect(hits.filter((h) => h.hit).map((h) => `${h.label} (by "${h.matchedBy}")`)).toEqual([]);
      });

      it('has code blocks that name their language, and Python that parses', () => {
        const blocks = codeBlocks(q.answer);
        expect(blocks.filter((b) => b.lang === '').map((b) => b.code.slice(0, 60))).toEqual([]);
        const problems = blocks
          .filter((b) => b.lang === 'python' || b.lang === 'py')
          .flatMap((b) => checkPython(b.code).map((p) => `${p.message} in:\n${b.code.split('\n')[p.line - 1]}`));
        expect(problems).toEqual([]);
      });
    });
  });
}
