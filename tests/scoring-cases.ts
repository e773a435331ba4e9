/** The keyword matching cases and the helpers the scoring tests share: a keyword, the text of its spans, and a check that spans are well formed. */
import { expect } from 'vitest';
import type { KeywordSpan, ScoringKeyword } from '../src/main/core/scoring/index';

export function kw(label: string, aliases: string[] = [], weight = 1, id = 1): ScoringKeyword {
  return { id, label, aliases, weight };
}

/** The highlighted substrings, in order, as `id:text`. */
export function spanTexts(text: string, spans: KeywordSpan[]): string[] {
  return spans.map((s) => `${s.keywordId}:${text.slice(s.start, s.end)}`);
}

export function expectWellFormed(text: string, spans: KeywordSpan[]): void {
  let prevEnd = 0;
  for (const s of spans) {
    expect(s.start).toBeGreaterThanOrEqual(prevEnd);
    expect(s.end).toBeGreaterThan(s.start);
    expect(s.end).toBeLessThanOrEqual(text.length);
    prevEnd = s.end;
  }
}

export interface MatchCase {
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

export const FAR_APART =
  'The row in question was updated by two workers at once, and after a lot of back and forth with the team ' +
  'we found the isolation level was wrong, so we added a lock.';

export const MATCH_CASES: MatchCase[] = [
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
