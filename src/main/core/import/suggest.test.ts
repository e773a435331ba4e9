import { describe, expect, it } from 'vitest';
import { suggestKeywords, type SuggestOptions } from './suggest';

const labels = (answer: string, max?: number): string[] => suggestKeywords(answer, { max }).map((k) => k.label);

/** What a scraped "top Django questions" page gave, and what a person would accept instead. */
const SCRAPED: Array<[string, string, SuggestOptions, { has?: string[]; not: string[] }]> = [
  [
    'never a word of the prompt',
    'An app is a Python package with models, views and an AppConfig; list it in INSTALLED_APPS. App names are short.',
    { prompt: 'How do you create a Django app?' },
    { has: ['AppConfig', 'INSTALLED_APPS'], not: ['App', 'app'] },
  ],
  [
    'never the deck name',
    'Django ships an admin. Django reads settings from DJANGO_SETTINGS_MODULE and serves it with WSGI.',
    { prompt: 'What is the admin?', topic: ['Django'] },
    { has: ['DJANGO_SETTINGS_MODULE', 'WSGI'], not: ['Django'] },
  ],
  [
    'never a plural of a prompt word',
    'Lists are mutable and tuples are immutable. Tuples are hashable, so they can be dictionary keys; lists cannot. ' +
      'A tuple uses less memory and signals that the data is fixed, for example a pair of coordinates or a row ' +
      'read from a database, which no code should change by accident.',
    { prompt: 'What is the difference between a list and a tuple?' },
    { not: ['Lists', 'Tuples', 'list', 'tuple'] },
  ],
  [
    'no sentence fragment from a verb and an acronym',
    'Add DB settings in DATABASES. Add DB credentials from the environment with os.environ.',
    { prompt: 'How do you connect to PostgreSQL?' },
    { has: ['DATABASES', 'os.environ'], not: ['Add DB', 'Add'] },
  ],
  [
    'no bare word that only starts a sentence',
    'Environment variables hold secrets. SECRET_KEY and DEBUG come from them.',
    { prompt: 'Where do settings come from?' },
    { has: ['SECRET_KEY', 'DEBUG'], not: ['Environment'] },
  ],
  [
    'identifiers split where a scrape glued them',
    'Set unique=TrueUniqueConstraint(fields=["a", "b"]) goes in Meta.constraints and NoneQuerySet values stay lazy.',
    { prompt: 'How do you make a pair of fields unique?' },
    { has: ['unique=True', 'UniqueConstraint', 'Meta.constraints', 'QuerySet'], not: ['TrueUniqueConstraint'] },
  ],
  [
    'no contraction read as a name',
    "Don't split on & by hand. Won't it break? It's handled by parse_qs.",
    {},
    { not: ['Don', 'Won'] },
  ],
];

describe('suggestKeywords', () => {
  it('finds code identifiers, backticked code and acronyms, most frequent first', () => {
    const answer =
      'Use `select_related` for foreign keys and prefetch_related for many-to-many. Wrap writes in transaction.atomic. ' +
      'Django protects forms against CSRF; the ORM escapes SQL. select_related uses a JOIN, so one query. CSRF tokens rotate.';
    expect(labels(answer)).toEqual(['select_related', 'CSRF', 'prefetch_related', 'transaction.atomic', 'ORM', 'SQL']);
  });

  it('gives snake_case identifiers a spoken alias', () => {
    expect(suggestKeywords('Call `select_related` early.')).toEqual([
      { label: 'select_related', aliases: ['select related'], weight: 1 },
    ]);
  });

  it('keeps capitalised names but not sentence-initial common words', () => {
    expect(labels('The cache lives in Redis. This keeps reads fast. However, Redis must be monitored.')).toEqual([
      'Redis',
    ]);
    // "Middleware" starts a sentence and also appears in lower case: a common noun, not a name.
    expect(labels('Middleware wraps every request. Each middleware can stop it.')).toEqual([]);
    // "Django" starts a sentence and never appears in lower case: a name.
    expect(labels('Django ships an admin.')).toEqual(['Django']);
  });

  it('joins multi-word names', () => {
    expect(
      labels('In CPython the Global Interpreter Lock allows one thread. Measure with Django Debug Toolbar.'),
    ).toEqual(['CPython', 'Global Interpreter Lock', 'Django Debug Toolbar']);
  });

  it('recognises mixed case and calls, and ignores e.g., URLs and fenced code', () => {
    const answer =
      'Use useEffect, e.g. for ImageField uploads, or call render(). See www.example.com.\n```python\nsecret_key = 1\n```';
    expect(labels(answer)).toEqual(['useEffect', 'ImageField', 'render']);
  });

  it('deduplicates case-insensitively and folds plural acronyms', () => {
    expect(labels('APIs are everywhere; an API is a contract. `api` again.')).toEqual(['API']);
  });

  it('respects max and returns nothing for plain prose', () => {
    expect(labels('CSRF ORM SQL JSON HTTP REST TLS', 3)).toEqual(['CSRF', 'ORM', 'SQL']);
    expect(labels('it is what it is, and that is fine.')).toEqual([]);
    expect(labels('')).toEqual([]);
    expect(labels('CSRF', 0)).toEqual([]);
  });

  it.each(SCRAPED)('%s', (_what, answer, opts, { has = [], not }) => {
    const got = suggestKeywords(answer, opts).map((k) => k.label);
    for (const label of has) expect(got, got.join(', ')).toContain(label);
    for (const label of not) expect(got, got.join(', ')).not.toContain(label);
  });

  it.each([
    [
      'plain prose',
      'A list can grow and shrink, while a tuple cannot change once it is built. Because a tuple cannot change, it ' +
        'is hashable and can be a key of a dictionary; the mutable list cannot. Tuples suit fixed records such as ' +
        'coordinates; lists suit collections that change over time.',
      'What is the difference between a list and a tuple?',
    ],
    [
      'mostly code',
      'A decorator that times the call:\n```python\nimport functools, time\n\ndef timed(func):\n' +
        '    @functools.wraps(func)\n    def wrapper(*args, **kwargs):\n        start = time.perf_counter()\n' +
        '        result = func(*args, **kwargs)\n        print(time.perf_counter() - start)\n        return result\n' +
        '    return wrapper\n```\nIt keeps the wrapped name and docstring.',
      'Write a decorator that measures how long a function takes.',
    ],
  ])('gives an answer of substance (%s) at least two suggestions outside its prompt', (_what, answer, prompt) => {
    const got = suggestKeywords(answer, { prompt, topic: ['Django'] }).map((k) => k.label);
    expect(got.length, got.join(', ')).toBeGreaterThanOrEqual(2);
    const promptWords = new Set(prompt.toLowerCase().match(/[a-z]+/g));
    for (const label of got) expect(promptWords.has(label.toLowerCase()), label).toBe(false);
  });
});
