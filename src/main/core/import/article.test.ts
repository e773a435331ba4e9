/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import type { ParsedDeck } from '../../../shared/domain';
import { NO_QUESTIONS_MESSAGE, parseArticle } from './article';
import { levelFromText } from './levels';
import { errorOf } from '../../../../tests/expect-import-error';

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

describe('parseArticle', () => {
  const parse = (text: string): ParsedDeck => parseArticle(text, { deckName: 'Test' });

  it('maps level headings onto the default levels', () => {
    const cases: [string, string | null][] = [
      ['🚀 Advanced-Level Interview Questions', 'Advanced'],
      ['🟢 Beginner Level', 'Beginner'],
      ['Intermediate Django Questions', 'Intermediate'],
      ['Bonus Scenario-Based Questions', 'Scenario'],
      ['Expert', 'Advanced'],
      ['Questions for Freshers', 'Beginner'],
      ['Medium', 'Intermediate'],
      ['Senior engineer round', 'Advanced'],
      ['Situational questions', 'Scenario'],
      ['Practical Questions', 'Scenario'],
      ['A Practical Guide', null],
      ['Entry-level questions', 'Beginner'],
      ['Mid-Level', 'Intermediate'],
      ['Hard', 'Advanced'],
      ['Django ORM Questions', null],
    ];
    for (const [heading, level] of cases) {
      expect([heading, levelFromText(heading)]).toEqual([heading, level]);
      if (level) {
        const deck = parse(`Intro line\n\n${heading}\n\n1. What is X?\nX is a thing.\n`);
        expect([heading, deck.questions[0]!.level]).toEqual([heading, level]);
      }
    }
  });

  it.each([
    ['1. What is X?', 'What is X?'],
    ['Q1. What is X?', 'What is X?'],
    ['Q1: What is X?', 'What is X?'],
    ['Question 1: What is X?', 'What is X?'],
    ['1) What is X?', 'What is X?'],
    ['**1. What is X?**', 'What is X?'],
    ['**1.** What is X?', 'What is X?'],
    ['### 1. What is X?', 'What is X?'],
    ['1️⃣ What is X?', 'What is X?'],
    ['Q: What is X?', 'What is X?'],
    ['### What is X?', 'What is X?'],
    ['**What is X?**', 'What is X?'],
    ['Q.1: What is X?', 'What is X?'],
    ['Q.1 What is X?', 'What is X?'],
    ['Q 1 - What is X?', 'What is X?'],
    ['Q#1 What is X?', 'What is X?'],
    ['**Question 1:** What is X?', 'What is X?'],
    ['#1 What is X?', 'What is X?'],
  ])('reads the question style %s', (line, prompt) => {
    const deck = parse(`## Beginner\n\n${line}\nX is a thing.\n`);
    expect(deck.questions.map((q) => [q.prompt, q.answer])).toEqual([[prompt, 'X is a thing.']]);
  });

  it.each([
    ['Keywords: a, b, c', 'a / b / c'],
    ['Technical Keywords: a; b; c', 'a / b / c'],
    ['🔑 Keywords: a | b | c', 'a / b / c'],
    ['**Keywords:** `a` · b · c.', 'a / b / c'],
    ['Keywords:\na, b and c, and d', 'a / b and c / d'],
    ['🔑 Technical Keywords:\n- a\n- b, c', 'a / b / c'],
    ['Keywords: a | alias of a; b *2', 'a / b'],
    ['Key terms: a, A, b', 'a / b'],
    ['- Keywords: a, b', 'a / b'],
  ])('reads the keyword line %j', (line, labels) => {
    const deck = parse(`## Beginner\n\n1. What is X?\nX is a thing.\n${line}\n\n2. What is Y?\nY.\n`);
    const q = deck.questions[0]!;
    expect(q.keywords.map((k) => k.label).join(' / ')).toBe(labels);
    expect(q.keywordsSuggested).toBe(false);
    expect(q.answer).toBe('X is a thing.');
    expect(deck.questions[1]!.prompt).toBe('What is Y?');
  });

  it('reads aliases and weights when the keyword line uses Prepdeck syntax', () => {
    const deck = parse('## Beginner\n\n1. What is X?\nX.\nKeywords: a | alias of a; b *2\n');
    expect(deck.questions[0]!.keywords).toEqual([
      { label: 'a', aliases: ['alias of a'], weight: 1 },
      { label: 'b', aliases: [], weight: 2 },
    ]);
  });

  it('joins continuation lines into bullets; splits " - " only before a capital', () => {
    const text = [
      '## Beginner',
      '1. What does the field do?',
      '- Uses',
      'FileField/ImageField - Stores files outside',
      'STATIC_ROOT',
      '- Keeps a path - a relative one',
      'in the row',
      '• Another bullet',
      '',
      '* Same list after a blank line',
    ].join('\n');
    expect(parse(text).questions[0]!.answer).toBe(
      [
        '- Uses FileField/ImageField',
        '- Stores files outside STATIC_ROOT',
        '- Keeps a path - a relative one in the row',
        '- Another bullet',
        '- Same list after a blank line',
      ].join('\n'),
    );
  });

  it('stops an answer at a section that is not a question and ignores that section', () => {
    const text = [
      '## Beginner',
      '1. What is X?',
      'X is a thing.',
      'Tip: this line is part of the answer.',
      '',
      '💡 Pro Tips',
      '1. Practise daily',
      '2. Explain your answers out loud',
      '',
      '2. What is Y?',
      'Y is another thing.',
      '## Conclusion',
      'That is all.',
      'Tags: #x #y',
    ].join('\n');
    const deck = parse(text);
    expect(deck.questions.map((q) => [q.prompt, q.answer])).toEqual([
      ['What is X?', 'X is a thing. Tip: this line is part of the answer.'],
      ['What is Y?', 'Y is another thing.'],
    ]);
    expect(deck.warnings).toEqual([]);
  });

  it('splits a question and its answer written on one line', () => {
    const deck = parse(
      '## Beginner\n1. What is Django? Django is a Python web framework with an ORM and an admin.\n**What is DRF?** A toolkit for REST APIs.\n',
    );
    expect(deck.questions.map((q) => [q.prompt, q.answer])).toEqual([
      ['What is Django?', 'Django is a Python web framework with an ORM and an admin.'],
      ['What is DRF?', 'A toolkit for REST APIs.'],
    ]);
  });

  it('keeps a two-sentence question whole and joins a prompt broken across lines', () => {
    const deck = parse(
      '## Beginner\n1. What is X? Give an example.\nX.\n2. What is the difference between\nselect_related and prefetch_related?\nOne joins.\n',
    );
    expect(deck.questions.map((q) => q.prompt)).toEqual([
      'What is X? Give an example.',
      'What is the difference between select_related and prefetch_related?',
    ]);
  });

  it.each([
    ['Ans: X is a thing.'],
    ['Answer: X is a thing.'],
    ['A: X is a thing.'],
    ['**Answer:** X is a thing.'],
    ['Solution: X is a thing.'],
    ['Solution:\n\nX is a thing.'],
    ['Answer\nX is a thing.'],
  ])('takes the answer label off %j', (answer) => {
    const deck = parse(`## Beginner\n\nQ1. What is X?\n${answer}\n`);
    expect(deck.questions.map((q) => q.answer)).toEqual(['X is a thing.']);
  });

  it.each([
    ['Q.1:', '1.'],
    ['#', '1)'],
    ['**Question ', '1.'],
    ['### ', '1)'],
  ])('keeps a list numbered another way inside the answer (questions %s…, list %s)', (q, item) => {
    const num = (n: number): string =>
      q === '**Question '
        ? `**Question ${n}:**`
        : q === '#'
          ? `#${n}`
          : `${q.replace('1', String(n))}${q.startsWith('#') ? `${n}.` : ''}`;
    const marker = (n: number): string => item.replace('1', String(n));
    const text = [
      '## Basic',
      `${num(1)} What are the parts of MVT?`,
      'The parts are:',
      `${marker(1)} Model — the data.`,
      `${marker(2)} View — what is shown?`,
      `${marker(3)} Template — how it looks.`,
      'The framework is the controller.',
      `${num(2)} What is a view?`,
      'A callable.',
    ].join('\n');
    const deck = parse(text);
    expect(deck.questions.map((q) => q.prompt)).toEqual(['What are the parts of MVT?', 'What is a view?']);
    expect(deck.questions[0]!.answer).toBe(
      'The parts are:\n\n1. Model — the data.\n2. View — what is shown?\n3. Template — how it looks.\n\nThe framework is the controller.',
    );
  });

  it('keeps a list restarting at 1 inside an answer when questions are numbered the same way', () => {
    const text = [
      '## Basic',
      '1. What is X?',
      'X is a thing.',
      '2. What does X log?',
      'It logs:',
      '1. Dates',
      '2. Times',
      '3. Error messages?',
      '3. What is Y?',
      'Y is another.',
    ].join('\n');
    const deck = parse(text);
    expect(deck.questions.map((q) => q.prompt)).toEqual(['What is X?', 'What does X log?', 'What is Y?']);
    expect(deck.questions[1]!.answer).toBe('It logs:\n\n1. Dates\n2. Times\n3. Error messages?');
  });

  it('reads question labels punctuated differently as one numbering', () => {
    const text = ['## Basic', 'Q1. What is X?', 'X.', 'Q2: What is Y?', 'Y.', 'Q 3 - What is Z?', 'Z.'].join('\n');
    expect(parse(text).questions.map((q) => q.prompt)).toEqual(['What is X?', 'What is Y?', 'What is Z?']);
  });

  it('takes the next question written apart from the others for a question', () => {
    const text = ['## Basic', '**1. What is X?**', 'X.', '**2. What is Y?**', 'Y.', '3. What is Z?', 'Z.'].join('\n');
    expect(parse(text).questions.map((q) => q.prompt)).toEqual(['What is X?', 'What is Y?', 'What is Z?']);
  });

  it('skips a table of contents that repeats the questions', () => {
    const text = ['## Basic', '1. What is X?', '2. What is Y?', '', '1. What is X?', 'X.', '', '2. What is Y?', 'Y.'];
    const deck = parse(text.join('\n'));
    expect(deck.questions.map((q) => [q.prompt, q.answer, q.line])).toEqual([
      ['What is X?', 'X.', 5],
      ['What is Y?', 'Y.', 8],
    ]);
    expect(deck.warnings).toEqual([]);
  });

  it('keeps FAQ questions about the subject, not about the interview', () => {
    const text = [
      '## 1. What is X?',
      'X.',
      '## FAQs',
      '### How long does it take to prepare for the interview?',
      'Two weeks.',
      '### What is the difference between X and Y?',
      'Y is bigger.',
      '### Do I need to learn Z too?',
      'Yes.',
    ].join('\n');
    expect(parse(text).questions.map((q) => q.prompt)).toEqual([
      'What is X?',
      'What is the difference between X and Y?',
    ]);
  });

  it('leaves out the sign-off and links after the last answer', () => {
    for (const tail of [
      'Hope this helps. Good luck!',
      '---\n*Follow me for more.*',
      'Also read:\n- Other post',
      'Liked this? Read next: more',
    ]) {
      const deck = parse(`## Basic\n1. What is X?\nX is a thing.\n\n${tail}\n`);
      expect([tail, deck.questions[0]!.answer]).toEqual([tail, 'X is a thing.']);
    }
  });

  it('records the headings that named a level, and none for an article without', () => {
    const deck = parse(
      '# Top Django Questions for Freshers\n\n1. What is X?\nX.\n\nAdvanced Questions\n\n2. What is Y?\nY.\n',
    );
    expect(deck.levelHints).toEqual([
      { text: 'Top Django Questions for Freshers', level: 'Beginner', line: 1 },
      { text: 'Advanced Questions', level: 'Advanced', line: 6 },
    ]);
    expect(parse('1. What is X?\nX.\n').levelHints).toEqual([]);
  });

  it('tells numbered answer steps from the next question', () => {
    const text = [
      '## Intermediate',
      '1. What happens on a request?',
      '1. Middleware runs',
      '2. The view runs',
      '3. Describe the response',
      '2. What is a view?',
      'A callable.',
      '3. Django signals',
      'Hooks that fire on model events.',
    ].join('\n');
    const deck = parse(text);
    expect(deck.questions.map((q) => [q.prompt, q.answer])).toEqual([
      ['What happens on a request?', '1. Middleware runs\n2. The view runs\n3. Describe the response'],
      ['What is a view?', 'A callable.'],
      ['Django signals', 'Hooks that fire on model events.'],
    ]);
  });

  it('warns about questions without answers, questions outside any level, and duplicates', () => {
    const text = ['1. What is X?', 'X.', '', '## Advanced', '2. What is Y?', '', '3. What is X?', 'Again.'].join('\n');
    const deck = parse(text);
    expect(deck.questions.map((q) => [q.prompt, q.level, q.line])).toEqual([
      ['What is X?', 'Advanced', 1],
      ['What is X?', 'Advanced', 7],
    ]);
    expect(deck.warnings).toEqual([
      {
        line: 1,
        message:
          'This question comes before the first level heading; it was put under Advanced, the level of that heading.',
      },
      { line: 5, message: '"What is Y?" has no answer; it was skipped.' },
      { line: 7, message: '"What is X?" appears twice (also on line 1); both were kept.' },
    ]);
  });

  it('suggests keywords for questions without a keyword line', () => {
    const q = parse('## Beginner\n1. What is select_related?\nIt follows a ForeignKey with a JOIN.\n').questions[0]!;
    expect(q.keywordsSuggested).toBe(true);
    expect(q.keywords.map((k) => k.label)).toEqual(['ForeignKey', 'JOIN']);
  });

  it('uses the title, the given name, or a default as the deck name', () => {
    expect(parseArticle('# My Title\n\n1. What is X?\nX.\n').name).toBe('My Title');
    expect(parseArticle('# My Title\n\n1. What is X?\nX.\n', { deckName: 'Mine' }).name).toBe('Mine');
    expect(parseArticle('1. What is X?\nX.\n').name).toBe('Imported questions');
    expect(parseArticle('1. What is X?\nX.\n', { defaultLevel: 'Beginner' }).questions[0]!.level).toBe('Beginner');
  });

  it('throws when there are no questions', () => {
    expect(NO_QUESTIONS_MESSAGE).toBe(
      'No questions found: Prepdeck looks for numbered questions such as “1. What is …?”',
    );
    for (const text of ['', 'Just a paragraph.', '## Beginner\n\nSome text.\n', '1. What is X?\n']) {
      expect(errorOf(() => parseArticle(text)).message).toBe(NO_QUESTIONS_MESSAGE);
    }
  });

  // How long this takes is measured by the benchmark (tests/bench/import-parsers.ts), not here.
  it('parses a 2 MB article, pathological lines included', () => {
    const base = FIXTURES['django-emoji.txt']!;
    const parts: string[] = [];
    for (let size = 0; size < 2 * 1024 * 1024; size += base.length) parts.push(base);
    // plus pathological lines: very long runs of characters the patterns look at
    parts.push(
      `\n## Beginner\n1. What is ${'*'.repeat(100_000)}?\n${'- '.repeat(100_000)}\n${' - A'.repeat(50_000)}\n`,
    );
    const text = parts.join('\n');
    const deck = parseArticle(text);
    expect(deck.questions.length).toBe(10 * (parts.length - 1) + 1); // + the pathological one
  });
});
