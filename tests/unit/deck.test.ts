import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDeckMarkdown, writeDeckMarkdown } from '../../src/main/core/deck-markdown';

const deck = parseDeckMarkdown(fs.readFileSync('resources/decks/django.md', 'utf8'));

describe('the Django deck file', () => {
  it('has 35 questions at the four levels, without warnings', () => {
    expect(deck.name).toBe('Django');
    expect(deck.warnings).toEqual([]);
    expect(deck.questions).toHaveLength(35);
    expect(deck.levels).toEqual(['Beginner', 'Intermediate', 'Advanced', 'Scenario']);
    const count = (level: string) => deck.questions.filter((q) => q.level === level).length;
    expect([count('Beginner'), count('Intermediate'), count('Advanced'), count('Scenario')]).toEqual([5, 5, 15, 10]);
  });

  it('gives every question a unique id, keywords and a model answer', () => {
    const ids = deck.questions.map((q) => q.key);
    expect(new Set(ids).size).toBe(35);
    for (const q of deck.questions) {
      expect(q.key, q.prompt).toMatch(/^[a-z0-9-]+$/);
      expect(q.keywords.length, q.prompt).toBeGreaterThanOrEqual(2);
      expect(q.answer.split(/\s+/).length, q.prompt).toBeGreaterThan(60);
      expect(q.prompt.length, q.prompt).toBeLessThan(160);
    }
  });

  it('carries the keywords of the topic list', () => {
    const labels = (key: string) => deck.questions.find((q) => q.key === key)?.keywords.map((k) => k.label);
    const all = deck.questions.flatMap((q) => q.keywords.map((k) => k.label));
    for (const expected of [
      'MVT architecture',
      'CSRF protection',
      'transaction.atomic',
      'select_related',
      'unique=True',
      'ready()',
      'USE_TZ',
    ]) {
      expect(all).toContain(expected);
    }
    expect(labels(deck.questions[1]!.key!)).toEqual(['ORM', 'admin interface', 'scalability', 'security']);
  });
});

describe('the Markdown deck format', () => {
  it('round-trips the Django deck', () => {
    const again = parseDeckMarkdown(writeDeckMarkdown(deck));
    expect(again.questions).toEqual(deck.questions.map((q) => ({ ...q, line: expect.any(Number) })));
    expect(again.levels).toEqual(deck.levels);
    expect(again.description).toBe(deck.description);
  });

  it('reads aliases, weights, tags, and headings inside code blocks as code', () => {
    const parsed = parseDeckMarkdown(
      [
        '# Mine',
        '',
        '## Hard',
        '',
        '### Why?',
        'Id: why',
        'Keywords: CSRF protection | CSRF | cross-site request forgery; ORM *3',
        'Tags: web, security',
        '',
        'Because.',
        '```bash',
        '## not a level',
        '### not a question',
        '```',
      ].join('\n'),
    );
    expect(parsed.questions).toHaveLength(1);
    const [q] = parsed.questions;
    expect(q!.keywords).toEqual([
      { label: 'CSRF protection', aliases: ['CSRF', 'cross-site request forgery'], weight: 1 },
      { label: 'ORM', aliases: [], weight: 3 },
    ]);
    expect(q!.tags).toEqual(['web', 'security']);
    expect(q!.answer).toContain('### not a question');
    expect(parsed.levels).toEqual(['Hard']);
  });

  it('warns about a question with no answer or keywords, with its line', () => {
    const parsed = parseDeckMarkdown('# D\n\n## L\n\n### Empty?\n');
    expect(parsed.warnings).toEqual([
      { line: 5, message: '"Empty?" has no model answer.' },
      { line: 5, message: '"Empty?" has no keywords.' },
    ]);
  });
});
