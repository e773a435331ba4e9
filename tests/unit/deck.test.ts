import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDeckMarkdown, parseKeywordList } from '../../src/main/core/deck-markdown';
import { writeDeckMarkdown } from '../../src/main/core/export/deck-markdown';
import { parseImport } from '../../src/main/core/import';
import type { ParsedDeck, ParsedQuestion } from '../../src/shared/domain';

const deck = parseDeckMarkdown(fs.readFileSync('resources/decks/django.md', 'utf8'));

describe('the Django deck file', () => {
  it('has the 51 questions of the second edition at the four levels, without warnings', () => {
    expect(deck.name).toBe('Django');
    expect(deck.warnings).toEqual([]);
    expect(deck.questions).toHaveLength(51);
    expect(deck.levels).toEqual(['Beginner', 'Intermediate', 'Advanced', 'Scenario']);
    const count = (level: string) => deck.questions.filter((q) => q.level === level).length;
    expect([count('Beginner'), count('Intermediate'), count('Advanced'), count('Scenario')]).toEqual([12, 12, 13, 14]);
  });

  it('gives every question a unique id, keywords and a model answer', () => {
    const ids = deck.questions.map((q) => q.key);
    expect(new Set(ids).size).toBe(51);
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
      'separation of concerns',
      'CSRF protection',
      'transaction.atomic',
      'N+1 queries',
      'lost update',
      'ready() method',
      'USE_TZ = True',
    ]) {
      expect(all).toContain(expected);
    }
    expect(labels('key-features')).toEqual([
      'ORM',
      'automatic admin interface',
      'secure by default',
      'URL routing',
      'authentication system',
      'forms and validation',
      'schema migrations',
    ]);
    expect(
      deck.questions.find((q) => q.key === 'transactions')?.keywords.find((k) => k.label === 'lost update'),
    ).toEqual({ label: 'lost update', aliases: ['lost updates', 'concurrent updates'], weight: 3 });
  });
});

describe('the Markdown deck format', () => {
  it('round-trips the Django deck', () => {
    const again = parseDeckMarkdown(writeDeckMarkdown(deck));
    expect(again.questions).toEqual(deck.questions.map((q) => ({ ...q, line: expect.any(Number) })));
    expect(again.levels).toEqual(deck.levels);
    expect(again.description).toBe(deck.description);
  });

  it.each([
    ['savepoints *2 | savepoint', { label: 'savepoints', aliases: ['savepoint'], weight: 2 }],
    ['savepoints | savepoint *2', { label: 'savepoints', aliases: ['savepoint'], weight: 2 }],
    ['ACID *3', { label: 'ACID', aliases: [], weight: 3 }],
    ['rollback | roll back', { label: 'rollback', aliases: ['roll back'], weight: 1 }],
    ['N+1 queries *9 | n plus one', { label: 'N+1 queries', aliases: ['n plus one'], weight: 5 }],
  ])('reads the weight after the label or at the end of the keyword: %s', (text, expected) => {
    expect(parseKeywordList(text)).toEqual([expected]);
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

const question = (prompt: string, answer: string, level = 'Beginner'): ParsedQuestion => ({
  key: null,
  level,
  prompt,
  answer,
  keywords: [{ label: 'k', aliases: [], weight: 1 }],
  keywordsSuggested: false,
  tags: [],
  line: 0,
});

const HEADED: Pick<ParsedDeck, 'name' | 'description' | 'levels' | 'questions'> = {
  name: 'Headed',
  description: 'Answers written like small articles.',
  levels: ['Beginner', 'Advanced'],
  questions: [
    question(
      'What is a view?',
      [
        'A view takes a request and returns a response.',
        '',
        '## Example',
        '',
        '```python',
        '# views.py',
        '## not a level either',
        'def index(request):',
        '    return HttpResponse("hi")  # a comment',
        '```',
        '',
        '### Why?',
        '',
        'Keywords: not metadata, this is the answer',
        'Tags: nor this',
        '',
        '# The end',
      ].join('\n'),
    ),
    question('What does Keywords: mean?', 'Keywords: at the very start of the answer.\nId: and more.'),
    question('Unclosed code?', 'Before.\n\n```bash\n## inside a code block that never closes'),
    question('A plain one?', 'Plain text, with `# not a heading` inline.', 'Advanced'),
    question('Last one?', 'After the others.', 'Advanced'),
  ],
};

const core = (d: Pick<ParsedDeck, 'questions'>) =>
  d.questions.map(({ key, level, prompt, answer, keywords, tags }) => ({
    key,
    level,
    prompt,
    answer,
    keywords,
    tags,
  }));

describe('answers with their own headings', () => {
  it('come back from a Markdown export unchanged, through the importer too', () => {
    const md = writeDeckMarkdown(HEADED);
    const back = parseDeckMarkdown(md);
    expect(back.warnings).toEqual([]);
    expect(back.levels).toEqual(HEADED.levels);
    expect(core(back)).toEqual(core(HEADED));
    for (const fileName of ['headed.md', undefined]) {
      const imported = parseImport({ text: md, ...(fileName ? { fileName } : {}) });
      expect(imported.format).toBe('markdown');
      expect(core(imported.deck)).toEqual(core(HEADED));
    }
    expect(writeDeckMarkdown(back)).toBe(md);
  });

  it('are wrapped between <!-- answer --> and <!-- /answer -->; other answers are written as before', () => {
    const md = writeDeckMarkdown(HEADED);
    expect(md).toContain(`Keywords: k\n\n<!-- answer -->\nA view takes a request`);
    expect(md).toContain('# The end\n<!-- /answer -->\n');
    expect(md).toContain('<!-- answer -->\nKeywords: at the very start');
    expect(md).toContain('<!-- answer -->\nBefore.');
    expect(md).toContain('Keywords: k\n\nPlain text, with `# not a heading` inline.\n');
    expect(md.match(/<!-- answer -->/g)).toHaveLength(3);
    // The bundled deck has no such answer: it is written without a marker.
    expect(writeDeckMarkdown(deck)).not.toContain('<!-- answer -->');
  });
});

describe('answers with their own headings, written by hand', () => {
  it('read a hand-written wrapped answer, with markers shown in pairs inside it, verbatim', () => {
    const parsed = parseDeckMarkdown(
      [
        '# D',
        '## L',
        '### How do I protect a heading?',
        'Keywords: wrap',
        '',
        '<!-- answer -->',
        '## Like this',
        '```markdown',
        '<!-- answer -->',
        '### inner',
        '<!-- /answer -->',
        '```',
        '<!-- /answer -->',
        '',
        '### Next?',
        'Keywords: n',
        '',
        'Yes.',
      ].join('\n'),
    );
    expect(parsed.warnings).toEqual([]);
    expect(parsed.questions.map((q) => q.prompt)).toEqual(['How do I protect a heading?', 'Next?']);
    expect(parsed.questions[0]!.answer).toBe(
      '## Like this\n```markdown\n<!-- answer -->\n### inner\n<!-- /answer -->\n```',
    );
    expect(parsed.levels).toEqual(['L']);
  });

  it('read an <!-- answer --> line that is never closed as answer text, with a warning', () => {
    const parsed = parseDeckMarkdown(
      '# D\n## L\n### Q?\nKeywords: k\n\n<!-- answer -->\nText.\n### R?\nKeywords: r\n\nR.',
    );
    expect(parsed.questions.map((q) => [q.prompt, q.answer])).toEqual([
      ['Q?', '<!-- answer -->\nText.'],
      ['R?', 'R.'],
    ]);
    expect(parsed.warnings).toEqual([
      { line: 6, message: '"<!-- answer -->" has no "<!-- /answer -->" after it; it was read as part of the answer.' },
    ]);
  });
});
