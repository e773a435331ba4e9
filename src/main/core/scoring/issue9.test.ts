import { describe, expect, it } from 'vitest';
import { scoreAnswer, type ScoringKeyword, type Verdict } from './index';

/**
 * Issue 9: every false credit and missed credit it lists, with keywords as a deck would define them.
 * Each case says which verdict the keyword must get, and (for found ones) the text of the deciding mention.
 */

interface Case {
  name: string;
  keyword: [label: string, aliases?: string[]];
  answer: string;
  prompt?: string;
  verdict: Verdict;
  evidence?: string;
}

const ROW_LOCK: [string, string[]] = ['row-level lock', ['select_for_update', 'SELECT FOR UPDATE', 'FOR UPDATE']];

const FALSE_CREDIT: Case[] = [
  {
    name: 'FOR UPDATE is not the word "update" (bulk_update)',
    keyword: ROW_LOCK,
    answer: 'Call bulk_update() to write all the changed rows back in one query.',
    verdict: 'missed',
  },
  {
    name: 'FOR UPDATE is not the word "update" (prose)',
    keyword: ROW_LOCK,
    answer: 'The view will update the stock count after the payment succeeds.',
    verdict: 'missed',
  },
  {
    name: 'FOR UPDATE as an ordered phrase is still found',
    keyword: ROW_LOCK,
    answer: 'Django adds FOR UPDATE to the SELECT, so the database holds those rows until the commit.',
    verdict: 'alias',
    evidence: 'FOR UPDATE',
  },
  {
    name: 'the prompt names row-level locking: restating it earns nothing',
    keyword: ['row-level locking', ['select_for_update']],
    prompt: 'What is row-level locking, and when would you use it?',
    answer: 'Row-level locking is what you use when you need row-level locking.',
    verdict: 'echoed',
  },
  {
    name: 'the prompt pasted as the answer earns nothing',
    keyword: ['row-level locking', ['select_for_update']],
    prompt: 'What is row-level locking, and when would you use it?',
    answer: 'What is row-level locking, and when would you use it?',
    verdict: 'echoed',
  },
  {
    name: 'a keyword from the prompt counts in a sentence of the answer’s own',
    keyword: ['row-level locking', ['select_for_update']],
    prompt: 'What is row-level locking, and when would you use it?',
    answer: 'Row-level locking blocks other transactions from changing the selected rows until we commit.',
    verdict: 'named',
  },
  {
    name: 'ORDER BY is not the word "order"',
    keyword: ['explicit ordering', ['ORDER BY']],
    answer: 'The middleware classes run in order, one after another, for every request.',
    verdict: 'missed',
  },
  {
    name: 'ORDER BY as an ordered phrase is still found',
    keyword: ['explicit ordering', ['ORDER BY']],
    answer: 'Without ORDER BY the database may return the rows in any order it likes.',
    verdict: 'alias',
    evidence: 'ORDER BY',
  },
  {
    name: 'RESTful is not "the rest of"',
    keyword: ['RESTful'],
    answer: 'The rest of the view stays exactly the same as before the change.',
    verdict: 'missed',
  },
  {
    name: 'serializers are not "serial"',
    keyword: ['serializers'],
    answer: 'Use a serial number as the primary key so that the value never repeats.',
    verdict: 'missed',
  },
  {
    name: 'is_deleted is not "is deleted"',
    keyword: ['soft delete', ['is_deleted']],
    answer: 'When the parent row is deleted the cascade removes all of its children too.',
    verdict: 'missed',
  },
  {
    name: 'is_deleted as code is found',
    keyword: ['soft delete', ['is_deleted']],
    answer: 'Add an is_deleted flag and filter those rows out in a custom manager.',
    verdict: 'alias',
    evidence: 'is_deleted',
  },
  {
    name: 'ready() is not "ready"',
    keyword: ['ready()'],
    answer: 'When the app is ready, the signal receivers get registered for us.',
    verdict: 'missed',
  },
  {
    name: 'ready() written as code is found',
    keyword: ['ready()'],
    answer: 'Connect the receivers in AppConfig.ready so that they are registered once.',
    verdict: 'named',
    evidence: 'ready',
  },
  {
    name: '"top to bottom" does not name "bottom to top"',
    keyword: ['"bottom to top"'],
    answer: 'The request passes through the middleware list from top to bottom.',
    verdict: 'missed',
  },
  {
    name: '"bottom to top" in its order is found',
    keyword: ['"bottom to top"'],
    answer: 'The response passes back through the middleware from bottom to top.',
    verdict: 'named',
    evidence: 'bottom to top',
  },
  {
    name: 'a multi-word keyword spread over two sentences is not named',
    keyword: ['row-level locking'],
    answer: 'We read the row first. Then locking happens in the database when the transaction commits.',
    verdict: 'missed',
  },
  {
    name: '"doesn’t support savepoints" is negated',
    keyword: ['savepoints'],
    answer: 'Django doesn’t support savepoints, so a nested atomic block commits with the outer one.',
    verdict: 'negated',
    evidence: 'savepoints',
  },
  {
    name: '"does not use savepoints" is negated',
    keyword: ['savepoints'],
    answer: 'A nested atomic block does not use savepoints in Django.',
    verdict: 'negated',
  },
];

const MISSED_CREDIT: Case[] = [
  {
    name: 'UniqueConstraint ↔ "unique constraint" (identifier split, no alias)',
    keyword: ['UniqueConstraint'],
    answer: 'Add a unique constraint on the two columns so that the database rejects duplicates.',
    verdict: 'named',
    evidence: 'unique constraint',
  },
  {
    name: 'UniqueConstraints (plural) as code',
    keyword: ['UniqueConstraint'],
    answer: 'Declare UniqueConstraints in Meta.constraints so that the database enforces them.',
    verdict: 'named',
  },
  {
    name: 'CsrfViewMiddleware ↔ "CSRF middleware" (deck alias)',
    keyword: ['CsrfViewMiddleware', ['CSRF middleware']],
    answer: 'The CSRF middleware compares the token in the form with the one in the cookie.',
    verdict: 'alias',
    evidence: 'CSRF middleware',
  },
  {
    name: 'CsrfViewMiddleware ↔ "CSRF view middleware" (identifier split)',
    keyword: ['CsrfViewMiddleware'],
    answer: 'The CSRF view middleware rejects a POST whose token does not match the cookie.',
    verdict: 'named',
  },
  {
    name: 'FileField ↔ "file field"',
    keyword: ['FileField'],
    answer: 'Store the upload in a file field and let the storage backend pick the path.',
    verdict: 'named',
    evidence: 'file field',
  },
  {
    name: 'select_related ↔ "select related"',
    keyword: ['select_related'],
    answer: 'You can select related rows in the same query with a join.',
    verdict: 'named',
    evidence: 'select related',
  },
  {
    name: 'makemigrations ↔ "make migrations"',
    keyword: ['makemigrations'],
    answer: 'Make migrations after each model change and commit them with the code.',
    verdict: 'named',
    evidence: 'Make migrations',
  },
  {
    name: 'non-blocking ↔ "nonblocking"',
    keyword: ['non-blocking I/O'],
    answer: 'Nonblocking I/O lets one thread wait on many sockets at the same time.',
    verdict: 'named',
    evidence: 'Nonblocking I/O',
  },
  {
    name: 'lifecycle ↔ "life cycle"',
    keyword: ['request lifecycle'],
    answer: 'The request life cycle starts in the WSGI handler and ends with the response.',
    verdict: 'named',
    evidence: 'request life cycle',
  },
  {
    name: '"scales" names scalability',
    keyword: ['scalability'],
    answer: 'It scales horizontally because the app servers keep no state between requests.',
    verdict: 'named',
    evidence: 'scales',
  },
  {
    name: '"reused" names reusable apps',
    keyword: ['reusable apps'],
    answer: 'A well-written app can be reused in another project without changing it.',
    verdict: 'named',
  },
  {
    name: '"indices" names database indexes',
    keyword: ['database indexes'],
    answer: 'Database indices speed up the lookups that filter on those columns.',
    verdict: 'named',
    evidence: 'Database indices',
  },
  {
    name: 'British -ise: serialiser',
    keyword: ['serializer'],
    answer: 'The serialiser validates the incoming data before the view saves it.',
    verdict: 'named',
    evidence: 'serialiser',
  },
  {
    name: 'British -ise: optimise',
    keyword: ['query optimization'],
    answer: 'To optimise the queries, first read the plan that EXPLAIN shows for them.',
    verdict: 'named',
    evidence: 'optimise the queries',
  },
  {
    name: 'git names version control',
    keyword: ['version control'],
    answer: 'Keep the migration files in git so that every developer applies the same ones.',
    verdict: 'alias',
    evidence: 'git',
  },
  {
    name: 'XSRF names CSRF',
    keyword: ['CSRF token'],
    answer: 'The page sends the XSRF token in a header on every unsafe request.',
    verdict: 'alias',
    evidence: 'XSRF token',
  },
  {
    name: 'DB names database',
    keyword: ['database index'],
    answer: 'Add a DB index on the email column so that the lookups stay fast.',
    verdict: 'alias',
    evidence: 'DB index',
  },
  {
    name: 'dotenv names .env file',
    keyword: ['.env file'],
    answer: 'Load the secrets with dotenv in development and keep them out of the repository.',
    verdict: 'alias',
    evidence: 'dotenv',
  },
  {
    name: '"object relational mapper" names ORM',
    keyword: ['ORM'],
    answer: 'The object relational mapper turns each model class into a table.',
    verdict: 'alias',
    evidence: 'object relational mapper',
  },
  {
    name: '"n plus one queries" names N+1 queries',
    keyword: ['N+1 queries'],
    answer: 'Looping over the books and reading each author causes n plus one queries.',
    verdict: 'alias',
    evidence: 'n plus one queries',
  },
  {
    name: '"cross-site request forgery" names CSRF',
    keyword: ['CSRF'],
    answer: 'The token stops cross-site request forgery because another site cannot read it.',
    verdict: 'alias',
    evidence: 'cross-site request forgery',
  },
];

/** Negation must not punish correct explanations. */
const NOT_NEGATED: Case[] = [
  {
    name: 'a negation after the keyword does not reach it',
    keyword: ['transaction.atomic', ['atomic block']],
    answer: 'transaction.atomic does not give isolation from other transactions by itself.',
    verdict: 'named',
  },
  {
    name: '"without downtime"',
    keyword: ['zero downtime', ['without downtime']],
    answer: 'Add the column as nullable first so that the migration runs without downtime.',
    verdict: 'alias',
  },
  {
    name: '"avoid N+1 queries"',
    keyword: ['N+1 queries'],
    answer: 'Use prefetch_related to avoid N+1 queries when the template loops over the books.',
    verdict: 'named',
  },
  {
    name: '"prevent" is not a negation',
    keyword: ['race condition'],
    answer: 'The lock prevents the race condition because the second request waits for the first.',
    verdict: 'named',
  },
  {
    name: 'advice: never …',
    keyword: ['hard-coded secrets'],
    answer: 'Never keep hard-coded secrets in settings.py, read them from the environment.',
    verdict: 'named',
  },
  {
    name: 'advice: you should not …',
    keyword: ['signals'],
    answer: 'You should not use signals for logic that belongs in the save method of the model.',
    verdict: 'named',
  },
  {
    name: 'a negation in another clause does not reach it',
    keyword: ['savepoints'],
    answer: 'The outer block does not commit early, because nested blocks create savepoints.',
    verdict: 'named',
  },
  {
    name: 'named positively anywhere counts',
    keyword: ['savepoints'],
    answer:
      'People think Django doesn’t support savepoints. It does: each nested atomic block creates savepoints for its own work.',
    verdict: 'named',
  },
  {
    name: 'not only …',
    keyword: ['cache invalidation'],
    answer: 'It is not only cache invalidation that matters here, the timeout matters as well.',
    verdict: 'named',
  },
];

function run(c: Case): void {
  const [label, aliases = []] = c.keyword;
  const k: ScoringKeyword = { id: 1, label, aliases, weight: 1 };
  const hit = scoreAnswer(c.answer, [k], c.prompt === undefined ? undefined : { prompt: c.prompt }).hits[0];
  expect(hit?.verdict, JSON.stringify(hit)).toBe(c.verdict);
  if (c.evidence !== undefined) {
    expect(hit?.evidence && c.answer.slice(hit.evidence.start, hit.evidence.end)).toBe(c.evidence);
  }
}

describe('issue 9: false credit removed', () => {
  it.each(FALSE_CREDIT.map((c) => [c.name, c] as const))('%s', (_n, c) => run(c));
});

describe('issue 9: missed credit given', () => {
  it.each(MISSED_CREDIT.map((c) => [c.name, c] as const))('%s', (_n, c) => run(c));
});

describe('negation does not punish a correct explanation', () => {
  it.each(NOT_NEGATED.map((c) => [c.name, c] as const))('%s', (_n, c) => run(c));
});
