/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import type { ParsedDeck } from '../../../shared/domain';
import { parseArticle } from './article';

/** The fixture articles, by file name (loaded by Vite, so this test needs no fs). */
const FIXTURES: Record<string, string> = Object.fromEntries(
  Object.entries(
    import.meta.glob<string>('../../../../tests/fixtures/articles/*', {
      query: '?raw',
      import: 'default',
      eager: true,
    }),
  ).map(([path, text]) => [path.split('/').pop()!, text]),
);

function fixture(name: string): ParsedDeck {
  const text = FIXTURES[name];
  if (text === undefined) throw new Error(`missing fixture ${name}`);
  return parseArticle(text);
}

/** [line, level, prompt, keywords (labels joined by " / "), suggested?] */
type Row = [number, string, string, string, boolean];

interface Expected {
  name: string;
  levels: string[];
  questions: Row[];
  warnings: [number, string][];
}

const EXPECTED: Record<string, Expected> = {
  'django-emoji.txt': {
    name: 'Top Django Interview Questions and Answers (Updated)',
    levels: ['Beginner', 'Intermediate', 'Advanced', 'Scenario'],
    questions: [
      [8, 'Beginner', 'What is Django and why do teams pick it?', 'MVT / ORM / admin site / batteries included', false],
      [
        13,
        'Beginner',
        'What is the difference between a project and an app?',
        'project / app / INSTALLED_APPS / settings.py',
        false,
      ],
      [
        19,
        'Beginner',
        'How do you serve static and media files?',
        'collectstatic / MEDIA_ROOT / STATIC_ROOT / FileField',
        false,
      ],
      [
        28,
        'Intermediate',
        'Explain the request/response lifecycle in Django.',
        'middleware / URL resolver / HttpRequest / HttpResponse',
        false,
      ],
      [
        36,
        'Intermediate',
        'What is the difference between select_related and prefetch_related?',
        'select_related / prefetch_related / N+1 queries / JOIN',
        false,
      ],
      [
        47,
        'Intermediate',
        'How does Django protect against CSRF?',
        'CsrfViewMiddleware / POST / PUT / DELETE / csrf_token / AJAX',
        true,
      ],
      [52, 'Advanced', 'How would you make a slow Django view faster?', 'profiling / N+1 / Redis / Celery', false],
      [
        59,
        'Advanced',
        'How do you use transactions in Django?',
        'transaction.atomic / select_for_update / on_commit',
        true,
      ],
      [
        64,
        'Scenario',
        'Your site slows down every day at 9 am. How do you investigate?',
        'monitoring / slow query log / cron / PostgreSQL',
        false,
      ],
      [68, 'Scenario', 'What is Django and why do teams pick it?', 'Python / ORM', true],
    ],
    warnings: [
      [45, '"What are Django signals?" has no answer; it was skipped.'],
      [68, '"What is Django and why do teams pick it?" appears twice (also on line 8); both were kept.'],
    ],
  },
  'react-markdown.md': {
    name: 'React Interview Questions for 2025',
    levels: ['Beginner', 'Intermediate', 'Advanced'],
    questions: [
      [7, 'Beginner', 'What is JSX?', 'JSX / Babel / React.createElement', false],
      [17, 'Beginner', 'What is the virtual DOM?', 'reconciliation / elements', true],
      [25, 'Beginner', 'Why do lists need a `key` prop?', 'key prop / reconciliation / stable identity', false],
      [33, 'Intermediate', 'When does `useEffect` run?', 'useEffect / dependency array / cleanup', false],
      [
        54,
        'Intermediate',
        'What is the difference between controlled and uncontrolled components?',
        'onChange / DOM',
        true,
      ],
      [
        60,
        'Advanced',
        'How do you avoid unnecessary re-renders?',
        'React.memo / useMemo / useCallback / Profiler',
        false,
      ],
      [66, 'Advanced', 'What are React Server Components?', 'JavaScript / Client Components', true],
    ],
    warnings: [],
  },
  'sql-bold.md': {
    name: 'SQL Interview Questions and Answers',
    levels: ['Beginner', 'Intermediate', 'Advanced'],
    questions: [
      [5, 'Beginner', 'What is a primary key?', 'primary key / unique / NOT NULL / index', false],
      [
        11,
        'Beginner',
        'What is the difference between WHERE and HAVING?',
        'WHERE / HAVING / GROUP BY / aggregate',
        false,
      ],
      [23, 'Beginner', 'What does NULL mean in SQL?', 'COUNT / Comparisons', true],
      [
        29,
        'Intermediate',
        'Explain the different kinds of JOIN.',
        'INNER JOIN / LEFT JOIN / FULL OUTER JOIN / CROSS JOIN',
        false,
      ],
      [39, 'Intermediate', 'What is an index and when can it hurt?', 'INSERT / UPDATE / DELETE', true],
      [
        45,
        'Advanced',
        'What are the transaction isolation levels?',
        'isolation level / dirty read / phantom read / SERIALIZABLE',
        false,
      ],
      [51, 'Advanced', 'How would you find the second highest salary?', 'DENSE_RANK / window function', false],
    ],
    warnings: [],
  },
  'python-plain.txt': {
    name: 'PYTHON INTERVIEW QUESTIONS',
    levels: ['Beginner', 'Advanced'],
    questions: [
      [5, 'Beginner', 'What is the difference between a list and a tuple?', 'mutable / immutable / hashable', false],
      [11, 'Beginner', 'What does the GIL do?', 'Global Interpreter Lock / CPython / CPU', true],
      [18, 'Beginner', 'What are *args and **kwargs?', '*args / **kwargs / variadic', false],
      [27, 'Beginner', 'What is a list comprehension?', '', true],
      [32, 'Advanced', 'How do generators save memory?', 'yield / lazy evaluation / iterator protocol', false],
      [38, 'Advanced', 'Explain decorators.', 'higher-order function / functools.wraps / closure', false],
      [45, 'Advanced', 'How is memory managed in CPython?', '', true],
    ],
    warnings: [
      [5, '2 questions come before the first level heading; they were put under Beginner, the level of that heading.'],
    ],
  },
  'system-design.txt': {
    name: 'System Design Interview Questions – A Practical Guide',
    levels: ['Beginner', 'Advanced', 'Scenario'],
    questions: [
      [5, 'Beginner', 'What is horizontal scaling?', 'horizontal scaling / load balancer / stateless', false],
      [9, 'Beginner', 'What does a CDN do?', 'edge server / latency / origin', false],
      [
        17,
        'Advanced',
        'How do you choose between SQL and NoSQL?',
        'access patterns / ACID / eventual consistency / sharding',
        false,
      ],
      [21, 'Advanced', 'Explain the CAP theorem.', 'PACELC', true],
      [
        26,
        'Scenario',
        'Design a URL shortener.',
        'base62 / key-value store / cache / 301 redirect / rate limiting',
        false,
      ],
      [
        34,
        'Scenario',
        'A cache node dies during peak traffic. What happens and how do you protect the database?',
        'thundering herd / consistent hashing / request coalescing',
        false,
      ],
    ],
    warnings: [],
  },
  'go-noheadings.md': {
    name: '10 Go Questions I Was Asked',
    levels: ['Intermediate'],
    questions: [
      [3, 'Intermediate', 'What is a goroutine?', 'OS', true],
      [6, 'Intermediate', 'How do channels work?', '', true],
      [9, 'Intermediate', 'What is the zero value?', '', true],
      [12, 'Intermediate', 'What does defer do?', '', true],
    ],
    // No level heading: every question has the default level, and the preview asks which (no warning needed).
    warnings: [],
  },
};

describe('parseArticle on the fixture articles', () => {
  it('has an expectation for every fixture', () => {
    expect(Object.keys(FIXTURES).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('%s', (name, expected) => {
    const deck = fixture(name);
    expect(deck.name).toBe(expected.name);
    expect(deck.levels).toEqual(expected.levels);
    expect(deck.questions).toHaveLength(expected.questions.length);
    const rows: Row[] = deck.questions.map((q) => [
      q.line,
      q.level,
      q.prompt,
      q.keywords.map((k) => k.label).join(' / '),
      q.keywordsSuggested,
    ]);
    expect(rows).toEqual(expected.questions);
    expect(deck.warnings.map((w) => [w.line, w.message])).toEqual(expected.warnings);
    for (const q of deck.questions) {
      expect(q.answer).not.toBe('');
      expect(q.key).toBeNull();
      // nothing from the non-question sections leaks into an answer
      expect(q.answer).not.toMatch(
        /Tags:|Share this|Related posts|Good luck|Conclusion|Common (?:Mistakes|pitfalls)|About the author|Practise explaining/i,
      );
    }
  });

  it('joins bullets broken by copy-paste and splits at a lost bullet break (django)', () => {
    const q = fixture('django-emoji.txt').questions[2]!;
    expect(q.answer).toBe(
      '- Uses FileField/ImageField\n- Stores files outside STATIC_ROOT\n- In production, run collectstatic and let Nginx or a CDN serve STATIC_ROOT',
    );
  });

  it('keeps numbered lists and fenced code inside answers (django)', () => {
    const deck = fixture('django-emoji.txt');
    expect(deck.questions[3]!.answer).toBe(
      [
        'When a request arrives, Django walks through these steps:',
        '',
        '1. The WSGI or ASGI handler builds an HttpRequest',
        '2. Middleware runs in order (process_request / process_view)',
        '3. The URL resolver finds the view',
        '4. The view returns an HttpResponse, and middleware runs again in reverse',
      ].join('\n'),
    );
    expect(deck.questions[4]!.answer).toContain(
      '```python\nBook.objects.select_related("author")\nAuthor.objects.prefetch_related("books")\n```',
    );
  });

  it('keeps sub-headings and code of a Markdown article (react)', () => {
    const q = fixture('react-markdown.md').questions[3]!;
    expect(q.answer).toBe(
      [
        'After React commits the render to the screen. The dependency array controls it:',
        '',
        '- no array: after every render',
        '- `[]`: once after the first render',
        '- `[a, b]`: whenever `a` or `b` change',
        '',
        '**Example**',
        '',
        '```jsx',
        'useEffect(() => {',
        '  const id = setInterval(tick, 1000);',
        '  return () => clearInterval(id);',
        '}, []);',
        '```',
        '',
        'The function you return is the cleanup; React calls it before the next effect and on unmount.',
      ].join('\n'),
    );
  });

  it('strips "Answer:" and fences unfenced SQL (sql)', () => {
    const deck = fixture('sql-bold.md');
    expect(deck.questions[0]!.answer.startsWith('A primary key is a column')).toBe(true);
    expect(deck.questions[1]!.answer).toBe(
      [
        'WHERE filters rows before grouping; HAVING filters groups after GROUP BY has run, so it can use aggregates.',
        '',
        '```',
        'SELECT department, COUNT(*) AS staff',
        'FROM employees',
        'WHERE active = true',
        'GROUP BY department',
        'HAVING COUNT(*) > 10;',
        '```',
      ].join('\n'),
    );
    expect(deck.questions[3]!.answer.split('\n')).toHaveLength(4);
    expect(deck.questions[3]!.answer.startsWith('- INNER JOIN returns rows')).toBe(true);
  });

  it('joins hard-wrapped lines and fences indented code (python)', () => {
    const deck = fixture('python-plain.txt');
    expect(deck.questions[0]!.answer).toBe(
      'A list is mutable: you can append, remove and change items. A tuple is immutable, which makes it hashable (when its items are) so it can be a dictionary key.',
    );
    expect(deck.questions[2]!.answer).toContain(
      '```\ndef log(message, *args, **kwargs):\n    print(message.format(*args), kwargs)\n```',
    );
  });
});
