import { describe, it, expect } from 'vitest';
import { findKeywordSpans, scoreAnswer } from './index';
import type { KeywordSpan, ScoringKeyword } from './index';

function kw(label: string, aliases: string[] = [], weight = 1, id = 1): ScoringKeyword {
  return { id, label, aliases, weight };
}

/** The highlighted substrings, in order, as `id:text`. */
function spanTexts(text: string, spans: KeywordSpan[]): string[] {
  return spans.map((s) => `${s.keywordId}:${text.slice(s.start, s.end)}`);
}

function expectWellFormed(text: string, spans: KeywordSpan[]): void {
  let prevEnd = 0;
  for (const s of spans) {
    expect(s.start).toBeGreaterThanOrEqual(prevEnd);
    expect(s.end).toBeGreaterThan(s.start);
    expect(s.end).toBeLessThanOrEqual(text.length);
    prevEnd = s.end;
  }
}

interface MatchCase {
  /** Keyword label, or label + aliases. */
  keyword: string | [label: string, aliases: string[]];
  text: string;
  hit: boolean;
  /** For hits (the keyword is found, whatever its verdict): the first highlighted substring. */
  span?: string;
  /** For hits: which label/alias is reported as matchedBy (defaults to the label). */
  by?: string;
  /** Why — the documented decision this case pins down. */
  note?: string;
}

const FAR_APART =
  'The row in question was updated by two workers at once, and after a lot of back and forth with the team ' +
  'we found the isolation level was wrong, so we added a lock.';

const MATCH_CASES: MatchCase[] = [
  // --- Code identifiers: parts adjacent, in order, not stemmed ---
  {
    keyword: 'transaction.atomic',
    text: 'Wrap the view in `transaction.atomic()`.',
    hit: true,
    span: 'transaction.atomic()',
  },
  {
    keyword: 'transaction.atomic',
    text: 'Use the @transaction.atomic decorator.',
    hit: true,
    span: 'transaction.atomic',
  },
  { keyword: 'transaction.atomic', text: 'I would say transaction atomic here', hit: true, note: 'spoken form' },
  { keyword: 'transaction.atomic', text: 'Each atom of work is saved.', hit: false, note: 'atom is not atomic' },
  {
    keyword: 'transaction.atomic',
    text: 'Open a transaction, atom by atom.',
    hit: false,
    note: 'code parts are not stemmed',
  },
  {
    keyword: 'transaction.atomic',
    text: 'Make it an atomic transaction.',
    hit: false,
    note: 'code parts must be in order',
  },
  { keyword: 'transaction.atomic', text: 'Transactions are atomic.', hit: false, note: 'code parts must be adjacent' },
  { keyword: 'select_related', text: 'Call `select_related` on the queryset.', hit: true, span: 'select_related' },
  { keyword: 'select_related', text: 'you can select related rows in one query', hit: true, span: 'select related' },
  { keyword: 'select_related', text: 'QuerySet.SELECT_RELATED("author")', hit: true, span: 'SELECT_RELATED' },
  {
    keyword: 'select_related',
    text: '“select_related” joins in SQL',
    hit: true,
    span: 'select_related',
    note: 'curly quotes',
  },
  { keyword: 'select_related', text: 'Use prefetch_related for many-to-many.', hit: false },
  { keyword: 'prefetch_related', text: 'Use `select_related` for foreign keys.', hit: false },
  { keyword: 'ready()', text: 'Connect signals in ready().', hit: true, span: 'ready()' },
  { keyword: 'ready()', text: 'Override AppConfig.ready to register them.', hit: true, span: 'ready' },
  {
    keyword: 'ready()',
    text: 'Do it in the app config ready hook.',
    hit: false,
    note: 'a call is named only where it is written as code',
  },
  { keyword: 'ready()', text: 'Register the handlers when the app is ready.', hit: false },
  { keyword: 'ready()', text: 'Check the readiness probe.', hit: false },
  { keyword: 'ready()', text: 'It is already registered.', hit: false, note: 'whole tokens only' },
  { keyword: 'unique=True', text: 'Declare the field with `unique=True`.', hit: true, span: 'unique=True' },
  { keyword: 'unique=True', text: 'set unique = True on the column', hit: true, span: 'unique = True' },
  { keyword: 'unique=True', text: 'uniqueness=True is not an option', hit: false, note: 'no stemming inside code' },
  { keyword: 'unique=True', text: 'That is true for every model.', hit: false },
  { keyword: 'unique=True', text: 'unique=False allows duplicates', hit: false },
  { keyword: 'db_index', text: 'email = CharField(db_index=True)', hit: true, span: 'db_index' },
  { keyword: 'db_index', text: 'Add a database index.', hit: false, note: 'db is not database' },
  { keyword: 'USE_TZ', text: 'Set USE_TZ = True in settings.py', hit: true, span: 'USE_TZ' },
  { keyword: 'USE_TZ', text: 'We use the TZ database.', hit: false, note: 'parts not adjacent' },
  { keyword: 'USE_TZ', text: 'USE_L10N controls formatting', hit: false },
  { keyword: 'post_save', text: 'Listen for the post_save signal.', hit: true, span: 'post_save' },
  { keyword: 'post_save', text: 'a post-save hook', hit: true, span: 'post-save' },
  { keyword: 'post_save', text: 'Use a signal.', hit: false },
  { keyword: 'post_save', text: 'Post the form and save it.', hit: false },
  { keyword: 'makemigrations', text: 'Run python manage.py makemigrations first.', hit: true, span: 'makemigrations' },
  { keyword: 'makemigrations', text: 'Then migrate the database.', hit: false, note: 'a different command' },
  { keyword: 'makemigrations', text: 'Make migrations, then apply them.', hit: true, note: 'one word written as two' },
  { keyword: 'makemigrations', text: 'Make the migrations run.', hit: false, note: 'the two words must be adjacent' },

  // --- Prose words: Porter stems ---
  { keyword: 'migration', text: 'Migrations are versioned.', hit: true, span: 'Migrations' },
  { keyword: 'serializers', text: 'A serializer validates input.', hit: true, span: 'serializer' },
  { keyword: 'cache', text: 'Caching helps.', hit: true, span: 'Caching' },
  { keyword: 'cache', text: 'The result is cached.', hit: true, span: 'cached' },
  { keyword: 'cache', text: 'A cachet of approval.', hit: false },
  { keyword: 'per-view cache', text: 'Use per-view caching for that page.', hit: true, span: 'per-view caching' },
  { keyword: 'per-view cache', text: 'caching per view', hit: true, span: 'caching per view' },
  { keyword: 'per-view cache', text: 'Put it in the cache.', hit: false, note: 'all significant words are needed' },
  { keyword: '.env files', text: 'Keep secrets in a .env file.', hit: true, span: 'env file' },
  { keyword: '.env files', text: 'Keep secrets in environment files.', hit: false },
  { keyword: 'request–response', text: 'the request-response cycle', hit: true, span: 'request-response' },
  { keyword: 'request–response', text: 'the request/response cycle', hit: true, span: 'request/response' },
  { keyword: 'request–response', text: 'one request—one response', hit: true, span: 'request—one response' },
  { keyword: 'request–response', text: 'requests and responses', hit: true },
  { keyword: 'request–response', text: 'Each request is logged.', hit: false },
  { keyword: 'non-blocking I/O', text: 'Node uses non-blocking I/O.', hit: true, span: 'non-blocking I/O' },
  { keyword: 'non-blocking I/O', text: 'non blocking IO', hit: true, span: 'non blocking IO' },
  { keyword: 'non-blocking I/O', text: 'I/O that is non-blocking', hit: true, span: 'I/O that is non-blocking' },
  { keyword: 'non-blocking I/O', text: 'Blocking I/O stalls the loop.', hit: false },
  { keyword: 'A/B testing', text: 'We ran A/B tests.', hit: true, span: 'A/B tests' },

  // --- Multi-word: any order, within (words + 3) tokens ---
  { keyword: 'row-level locking', text: 'Take a row level lock.', hit: true, span: 'row level lock' },
  {
    keyword: 'row-level locking',
    text: 'Postgres does locking at the row level.',
    hit: true,
    span: 'locking at the row level',
  },
  { keyword: 'row-level locking', text: FAR_APART, hit: false, note: 'words too far apart' },
  { keyword: 'row-level locking', text: 'Row-level security is different.', hit: false },
  { keyword: 'database indexes', text: 'Add an index to the database.', hit: true, span: 'index to the database' },
  {
    keyword: 'database indexes',
    text: "Look up the book's index in the database chapter.",
    hit: true,
    span: 'index in the database',
    note: 'we score words, not meaning',
  },
  { keyword: 'database indexes', text: 'The index speeds up lookups.', hit: false },
  { keyword: 'MVC vs MVT', text: "Django's MVT differs from MVC", hit: true, span: 'MVT differs from MVC' },
  { keyword: 'MVC vs MVT', text: 'Rails is MVC.', hit: false },

  // --- Aliases and acronyms ---
  {
    keyword: ['CSRF protection', ['cross-site request forgery']],
    text: 'It stops Cross-Site Request Forgery.',
    hit: true,
    span: 'Cross-Site Request Forgery',
    by: 'cross-site request forgery',
  },
  { keyword: ['CSRF protection', ['cross-site request forgery']], text: 'Enable CSRF protection.', hit: true },
  {
    keyword: ['CSRF protection', ['cross-site request forgery']],
    text: 'Add the CSRF token.',
    hit: true,
    by: 'cross-site request forgery',
    note: 'the shared synonym table makes CSRF = cross-site request forgery',
  },
  {
    keyword: ['CSRF protection', ['cross-site request forgery']],
    text: 'Add the XSRF token.',
    hit: true,
    by: 'cross-site request forgery',
  },
  { keyword: 'CSRF protection', text: 'Add the session token for protection.', hit: false },
  { keyword: ['CSRF protection', ['CSRF token']], text: 'Add the csrf_token tag.', hit: true, by: 'CSRF token' },
  { keyword: 'ORM', text: 'ORMs hide SQL.', hit: true, span: 'ORMs' },
  { keyword: 'ORM', text: 'Django’s orm builds queries.', hit: true, span: 'orm' },
  { keyword: 'ORM', text: 'That is normal.', hit: false, note: 'acronyms are whole tokens' },
  { keyword: 'ORM', text: 'Use a normalized form.', hit: false },
  { keyword: 'XSS', text: 'Escape output to stop XSS.', hit: true, span: 'XSS' },
  { keyword: 'ASGI', text: 'Django supports ASGI/WSGI.', hit: true, span: 'ASGI' },
  { keyword: 'ASGI', text: 'Gunicorn serves WSGI.', hit: false },

  // --- Unicode ---
  {
    keyword: 'naïve datetime',
    text: 'Avoid naive datetimes.',
    hit: true,
    span: 'naive datetimes',
    note: 'diacritics folded',
  },
  { keyword: 'ssel', text: 'Der Schlüssel fehlt.', hit: false, note: 'ü is a letter, not a separator' },
  { keyword: 'Schlüssel', text: 'Der SCHLÜSSEL fehlt.', hit: true, span: 'SCHLÜSSEL' },

  // --- Degenerate input ---
  { keyword: 'cache', text: '', hit: false },
  { keyword: 'cache', text: '   ...  ', hit: false },
  { keyword: '()', text: 'call() it', hit: false, note: 'a keyword with no words never matches' },
];

describe('keyword matching (table)', () => {
  it('has enough cases, hits and near-misses', () => {
    expect(MATCH_CASES.length).toBeGreaterThanOrEqual(45);
    expect(MATCH_CASES.filter((c) => !c.hit).length).toBeGreaterThanOrEqual(15);
  });

  it.each(
    MATCH_CASES.map((c) => [typeof c.keyword === 'string' ? c.keyword : c.keyword[0], c.text, c.hit, c] as const),
  )('%s in %j → %s', (_label, text, hit, c) => {
    const [label, aliases] = typeof c.keyword === 'string' ? [c.keyword, []] : c.keyword;
    const keyword = kw(label, aliases, 1, 7);
    const score = scoreAnswer(text, [keyword]);
    const spans = findKeywordSpans(text, [keyword]);

    expect(score.hits).toHaveLength(1);
    expect(score.hits[0]?.verdict !== 'missed').toBe(hit);
    expect(score.hits[0]?.matchedBy).toBe(hit ? (c.by ?? label) : null);
    // scoreAnswer and findKeywordSpans agree.
    expect(spans.length > 0).toBe(hit);
    expectWellFormed(text, spans);
    if (c.span !== undefined) {
      const first = spans[0];
      expect(first && text.slice(first.start, first.end)).toBe(c.span);
    }
  });
});

describe('scoreAnswer arithmetic', () => {
  const bank: ScoringKeyword[] = [
    kw('transaction.atomic', [], 3, 10),
    kw('select_related', [], 1, 11),
    kw('CSRF protection', ['cross-site request forgery'], 2, 12),
    kw('database indexes', [], 2, 13),
  ];
  const ATOMIC = 'Wrap the whole view in transaction.atomic so that it commits or rolls back as one unit.';
  const RELATED = 'Call select_related so that the author comes back in the same query as the book.';
  const CSRF = 'The middleware blocks cross-site request forgery by checking a secret token on every POST.';
  const INDEX = 'Add database indexes on the columns that the slow queries filter on.';

  it.each([
    ['nothing named', 'I would just restart the server and hope for the best.', 0],
    ['only the weight-3 keyword', ATOMIC, 3 / 8],
    ['only a weight-1 keyword', RELATED, 1 / 8],
    ['3 + 1', `${ATOMIC} ${RELATED}`, 4 / 8],
    ['alias counts with its weight', `${CSRF} ${INDEX}`, 4 / 8],
    ['everything', `${ATOMIC} ${RELATED} ${CSRF} ${INDEX}`, 1],
    ['repeats do not count twice', `${RELATED} ${RELATED} ${RELATED}`, 1 / 8],
    [
      'a bare list earns a quarter of each weight',
      'transaction.atomic, select_related, CSRF protection',
      (6 * 0.25) / 8,
    ],
    ['explained beats listed for the same keyword', `transaction.atomic, select_related. ${ATOMIC}`, (3 + 0.25) / 8],
  ])('%s', (_name, answer, expected) => {
    const result = scoreAnswer(answer, bank);
    expect(result.score).toBeCloseTo(expected, 10);
    expect(result.hits.map((h) => h.keywordId)).toEqual([10, 11, 12, 13]);
    expect(result.hits.map((h) => h.label)).toEqual(bank.map((k) => k.label));
    for (const h of result.hits) {
      expect(h.hit).toBe(h.credit === 1);
      expect(h.verdict === 'missed').toBe(h.matchedBy === null);
      expect(h.verdict === 'missed').toBe(h.evidence === null);
    }
  });

  it('scores 0 with no keywords', () => {
    expect(scoreAnswer('anything at all', [])).toEqual({ score: 0, hits: [] });
    expect(findKeywordSpans('anything at all', [])).toEqual([]);
  });

  it('misses everything on an empty answer', () => {
    const result = scoreAnswer('', bank);
    expect(result.score).toBe(0);
    expect(result.hits.every((h) => !h.hit && h.matchedBy === null && h.verdict === 'missed')).toBe(true);
  });

  it('scores 0 when all weights are 0, but still reports hits', () => {
    const result = scoreAnswer(RELATED, [kw('select_related', [], 0, 1), kw('cache', [], 0, 2)]);
    expect(result.score).toBe(0);
    expect(result.hits.map((h) => h.hit)).toEqual([true, false]);
  });

  it('treats negative and non-finite weights as 0', () => {
    const result = scoreAnswer('We cache the page because the cache is fast.', [
      kw('cache', [], -2, 1),
      kw('queue', [], Number.NaN, 2),
      kw('orm', [], 1, 3),
    ]);
    expect(result.score).toBe(0);
  });

  it('reports the label or alias that was named first, as written, and where', () => {
    const k = kw('CSRF protection', ['Cross-Site Request Forgery'], 1, 5);
    const first = 'It stops cross site request forgery with a token in every form that the server checks.';
    const r1 = scoreAnswer(first, [k]).hits[0];
    expect(r1?.matchedBy).toBe('Cross-Site Request Forgery');
    expect(r1?.verdict).toBe('alias');
    expect(r1?.evidence && first.slice(r1.evidence.start, r1.evidence.end)).toBe('cross site request forgery');
    const second = 'Django turns on CSRF protection for every form that posts data back to the server.';
    const r2 = scoreAnswer(second, [k]).hits[0];
    expect(r2?.matchedBy).toBe('CSRF protection');
    expect(r2?.verdict).toBe('named');
  });
});

describe('findKeywordSpans', () => {
  const bank: ScoringKeyword[] = [
    kw('transaction.atomic', [], 1, 1),
    kw('row-level locking', ['select_for_update'], 1, 2),
    kw('per-view cache', [], 1, 3),
    kw('cache', [], 1, 4),
    kw('CSRF', ['CSRF protection'], 1, 5),
  ];

  it('returns the named substrings, sorted by start', () => {
    const text =
      'Wrap it in `transaction.atomic()`, call select_for_update() for row level locks, and add CSRF protection.';
    const spans = findKeywordSpans(text, bank);
    expectWellFormed(text, spans);
    expect(spanTexts(text, spans)).toEqual([
      '1:transaction.atomic()',
      '2:select_for_update()',
      '2:row level locks',
      '5:CSRF protection',
    ]);
  });

  it('prefers the longer of two overlapping forms of one keyword', () => {
    const text = 'CSRF protection is on.';
    expect(spanTexts(text, findKeywordSpans(text, bank))).toEqual(['5:CSRF protection']);
  });

  it('splits a longer span around a keyword named only inside it, so both stay hits', () => {
    const text = 'Turn on the per-view cache.';
    const spans = findKeywordSpans(text, bank);
    expect(spanTexts(text, spans)).toEqual(['3:per-view', '4:cache']);
    expect(
      scoreAnswer(text, bank)
        .hits.filter((h) => h.verdict !== 'missed')
        .map((h) => h.keywordId),
    ).toEqual([3, 4]);
  });

  it('keeps the longer span whole when the shorter keyword is also named elsewhere', () => {
    const text = 'Turn on the per-view cache; caching helps.';
    expect(spanTexts(text, findKeywordSpans(text, bank))).toEqual(['3:per-view cache', '4:caching']);
  });

  it('gives identical matches of two keywords to the first one in the list', () => {
    const text = 'Use an ORM.';
    const twins = [kw('ORM', [], 1, 1), kw('orm', [], 1, 2)];
    expect(spanTexts(text, findKeywordSpans(text, twins))).toEqual(['1:ORM']);
    expect(scoreAnswer(text, twins).hits.map((h) => h.verdict !== 'missed')).toEqual([true, false]);
  });

  it('finds every mention', () => {
    const text = 'Cache it. Then cache it again, cached.';
    expect(spanTexts(text, findKeywordSpans(text, [kw('cache', [], 1, 9)]))).toEqual([
      '9:Cache',
      '9:cache',
      '9:cached',
    ]);
  });

  it('uses UTF-16 offsets that slice back to the text', () => {
    const text = '🙂 naïve — “select_related” ok';
    const spans = findKeywordSpans(text, [kw('select_related', [], 1, 1), kw('naïve', [], 1, 2)]);
    expect(spanTexts(text, spans)).toEqual(['2:naïve', '1:select_related']);
  });
});

describe('scoreAnswer and findKeywordSpans agree on generated answers', () => {
  const VOCAB = [
    'the',
    'a',
    'row',
    'level',
    'locking',
    'lock',
    'cache',
    'caching',
    'per',
    'view',
    'transaction',
    'atomic',
    'atom',
    'select',
    'related',
    'prefetch',
    'ORM',
    'normal',
    'CSRF',
    'protection',
    'index',
    'database',
    'unique',
    'True',
  ];
  const SEPS = [' ', ' ', ' ', '.', '_', '-', ', ', '=', '() ', ' `', '` ', '/'];
  const bank: ScoringKeyword[] = [
    kw('row-level locking', [], 2, 1),
    kw('per-view cache', [], 1, 2),
    kw('cache', ['caching'], 1, 3),
    kw('transaction.atomic', [], 3, 4),
    kw('select_related', ['select related'], 1, 5),
    kw('ORM', [], 1, 6),
    kw('CSRF protection', ['CSRF'], 1, 7),
    kw('database indexes', [], 1, 8),
    kw('unique=True', [], 1, 9),
    kw('index', [], 1, 10),
  ];

  // Small deterministic PRNG (mulberry32) so failures reproduce.
  let seed = 12345;
  const rand = (n: number): number => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };

  it('for 500 random answers', () => {
    for (let n = 0; n < 500; n++) {
      let text = '';
      const words = 1 + rand(25);
      for (let i = 0; i < words; i++) text += (VOCAB[rand(VOCAB.length)] ?? '') + (SEPS[rand(SEPS.length)] ?? ' ');
      const spans = findKeywordSpans(text, bank);
      const result = scoreAnswer(text, bank);
      expectWellFormed(text, spans);
      const spanned = new Set(spans.map((s) => s.keywordId));
      for (const h of result.hits)
        expect(h.verdict !== 'missed', `${h.label} in ${JSON.stringify(text)}`).toBe(spanned.has(h.keywordId));
      const total = bank.reduce((sum, k) => sum + k.weight, 0);
      const earned = result.hits.reduce((sum, h, i) => sum + (bank[i]?.weight ?? 0) * h.credit, 0);
      expect(result.score).toBeCloseTo(earned / total, 10);
    }
  });
});

describe('a long answer', () => {
  // Speed is measured by `npm run bench`, not asserted here; this checks the result on a realistic length.
  it('scores a 300-word answer against 6 keywords', () => {
    const filler = 'when the request arrives the view reads rows from the database and renders a template for the user';
    const words: string[] = [];
    for (let i = 0; words.length < 300; i++) {
      words.push(...filler.split(' '));
      if (i % 3 === 0) words.push('`select_related`', 'and', 'row-level', 'locking');
      if (i % 4 === 1) words.push('caching', 'per', 'view', 'with', 'transaction.atomic()');
    }
    const answer = words.slice(0, 300).join(' ');
    const bank = [
      kw('transaction.atomic', [], 2, 1),
      kw('select_related', [], 1, 2),
      kw('row-level locking', ['select_for_update'], 1, 3),
      kw('per-view cache', [], 1, 4),
      kw('CSRF protection', ['cross-site request forgery'], 1, 5),
      kw('database indexes', [], 1, 6),
    ];
    expect(scoreAnswer(answer, bank).hits.map((h) => h.verdict !== 'missed')).toEqual([
      true,
      true,
      true,
      true,
      false,
      false,
    ]);
  });
});
