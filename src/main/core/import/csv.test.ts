import { describe, expect, it } from 'vitest';
import type { ParsedDeck } from '../../../shared/domain';
import { htmlToText } from './anki-html';
import { parseDelimitedTable } from './csv';
import { suggestMapping, tableToDeck } from './csv-columns';
import { writeDeckCsv } from '../export/deck-csv';
import { ImportError } from './errors';
import { errorOf } from '../../../../tests/expect-import-error';

const opts = { deckName: 'Cards', defaultLevel: 'Intermediate' };

describe('parseDelimitedTable', () => {
  it('reads a CSV with a header row, quoted commas and newlines, and knows where each row starts', () => {
    const text =
      'Question,Answer,Level\n"What is a JOIN, really?","It combines rows.\nSee ""INNER JOIN"".",Beginner\n\nWhat is an index?,A B-tree.,hard\n';
    const table = parseDelimitedTable(text);
    expect(table.delimiter).toBe(',');
    expect(table.header).toEqual(['Question', 'Answer', 'Level']);
    expect(table.rows).toEqual([
      ['What is a JOIN, really?', 'It combines rows.\nSee "INNER JOIN".', 'Beginner'],
      ['What is an index?', 'A B-tree.', 'hard'],
    ]);
    expect(table.rowLines).toEqual([2, 5]);
    expect(table.firstDataLine).toBe(2);
    expect(table.ankiHeaders).toEqual({});
  });

  it.each([
    ['semicolons', 'Front;Back\nWhat is X?;X is Y, mostly\nWhat is Z?;Z\n', ';'],
    ['tabs', 'What is X?\tX, Y; Z\nWhat is Z?\tZ\n', '\t'],
    ['pipes', 'What is X?|X\nWhat is Z?|Z, W\n', '|'],
    ['commas with Windows line ends', 'a,b\r\nc,d\r\n', ','],
  ])('detects %s', (_name, text, delimiter) => {
    expect(parseDelimitedTable(text).delimiter).toBe(delimiter);
  });

  it('reads Anki headers and follows #separator (names or a literal character)', () => {
    const table = parseDelimitedTable('#separator:Pipe\n#html:true\n#tags column:3\n#deck:Django::ORM\nQ|A|t1 t2\n');
    expect(table.delimiter).toBe('|');
    expect(table.ankiHeaders).toEqual({ separator: 'Pipe', html: 'true', 'tags column': '3', deck: 'Django::ORM' });
    expect(table.rows).toEqual([['Q', 'A', 't1 t2']]);
    expect(table.firstDataLine).toBe(5);
    expect(parseDelimitedTable('#separator:;\nQ;A\n').delimiter).toBe(';');
    expect(parseDelimitedTable('#separator:\t\nQ\tA\n').delimiter).toBe('\t');
    expect(parseDelimitedTable('#separator:space\nQ A\n').rows).toEqual([['Q', 'A']]);
  });

  it('takes column names from #columns: (split by the file separator) and skips later # comment lines', () => {
    const table = parseDelimitedTable(
      '#separator:tab\n#columns:Front\tBack\tTags\nQ1\tA1\tx\n# a comment\nQ2\tA2\ty\n',
    );
    expect(table.header).toEqual(['Front', 'Back', 'Tags']);
    expect(table.rows).toEqual([
      ['Q1', 'A1', 'x'],
      ['Q2', 'A2', 'y'],
    ]);
    expect(table.rowLines).toEqual([3, 5]);
  });

  it('reports an unclosed quote with the line where the quoted field starts', () => {
    const err = errorOf(() =>
      parseDelimitedTable('question,answer\nWhat is X?,X\n\nWhat is Y?,"Y is\nlong\nWhat is Z?,Z\n'),
    );
    expect(err.line).toBe(4);
    expect(err.message).toBe(
      'A quoted field that starts on line 4 is never closed: check that line for a missing closing quote (").',
    );
    // after Anki header lines too
    expect(errorOf(() => parseDelimitedTable('#separator:comma\n#html:false\n"open,x\n')).line).toBe(3);
  });

  it('refuses a separator that cannot work', () => {
    expect(errorOf(() => parseDelimitedTable('a,b', '"')).message).toContain('cannot separate columns');
    expect(errorOf(() => parseDelimitedTable('a,b', 'ab')).message).toContain('cannot separate columns');
  });
});

describe('suggestMapping', () => {
  it('maps header names', () => {
    const table = parseDelimitedTable('tags,Difficulty,Back,Front,Keywords\nx,easy,A,Q,k\n');
    expect(suggestMapping(table)).toEqual({ prompt: 3, answer: 2, level: 1, keywords: 4, tags: 0 });
  });

  it('maps headers that contain a known word', () => {
    const table = parseDelimitedTable('Question text,Your answer,Notes\nQ,A,n\n');
    expect(suggestMapping(table)).toEqual({ prompt: 0, answer: 1, level: null, keywords: null, tags: null });
  });

  it('uses positions without a header, and the Anki tags column', () => {
    expect(suggestMapping(parseDelimitedTable('Q,A\n'))).toEqual({
      prompt: 0,
      answer: 1,
      level: null,
      keywords: null,
      tags: null,
    });
    expect(suggestMapping(parseDelimitedTable('#tags column:1\nt,Q,A\n'))).toEqual({
      prompt: 1,
      answer: 2,
      level: null,
      keywords: null,
      tags: 0,
    });
  });

  it('skips Anki guid, note type and deck columns', () => {
    const text =
      '#separator:tab\n#html:true\n#guid column:1\n#notetype column:2\n#deck column:3\n#tags column:6\nabc\tBasic\tDjango\tQ\tA\tt\n';
    expect(suggestMapping(parseDelimitedTable(text))).toEqual({
      prompt: 3,
      answer: 4,
      level: null,
      keywords: null,
      tags: 5,
    });
  });
});

describe('tableToDeck', () => {
  it('reads an Anki plain-text export: HTML fields, space-separated tags, levels from tags', () => {
    const text = [
      '#separator:tab',
      '#html:true',
      '#guid column:1',
      '#tags column:4',
      'g1\tWhat is <b>CSRF</b>?\tA forged request.<br>Django checks a <i>token</i>.<div>Use&nbsp;{% csrf_token %} &amp; the header.</div>\tsecurity level::Advanced',
      'g2\tWhat is the ORM?\t<ul><li>Maps tables to classes</li><li>Builds SQL</li></ul>\torm beginner',
      'g3\t\tno question here\tx',
      'g4\tWhat is a view?\tA callable.\t',
    ].join('\n');
    const table = parseDelimitedTable(text);
    const deck = tableToDeck(table, suggestMapping(table), opts);
    expect(deck.questions.map((q) => [q.key, q.prompt, q.level, q.tags, q.line])).toEqual([
      ['g1', 'What is **CSRF**?', 'Advanced', ['security'], 5],
      ['g2', 'What is the ORM?', 'Beginner', ['orm'], 6],
      ['g4', 'What is a view?', 'Intermediate', [], 8],
    ]);
    expect(deck.questions[0]!.answer).toBe(
      'A forged request.\nDjango checks a *token*.\nUse {% csrf_token %} & the header.',
    );
    expect(deck.questions[1]!.answer).toBe('- Maps tables to classes\n- Builds SQL');
    expect(deck.questions[0]!.keywordsSuggested).toBe(true);
    expect(deck.warnings).toEqual([{ line: 7, message: 'The row on line 7 has no question; it was skipped.' }]);
    expect(deck.levels).toEqual(['Beginner', 'Intermediate', 'Advanced']);
    expect(deck.name).toBe('Cards');
  });

  it('reads keywords (Prepdeck syntax or commas), levels (synonyms too) and comma-separated tags', () => {
    const text = [
      'question,answer,level,keywords,tags',
      'What is ACID?,Four guarantees.,hard,"atomicity *2 | atomic; isolation",db',
      'What is an index?,A B-tree.,Easy,"B-tree, lookup, B-tree","sql, perf"',
      'What is a CTE?,A named subquery.,,,',
    ].join('\n');
    const table = parseDelimitedTable(text);
    const deck = tableToDeck(table, suggestMapping(table), opts);
    const [acid, index, cte] = deck.questions;
    expect(acid!.level).toBe('Advanced');
    expect(acid!.keywords).toEqual([
      { label: 'atomicity', aliases: ['atomic'], weight: 2 },
      { label: 'isolation', aliases: [], weight: 1 },
    ]);
    expect(acid!.keywordsSuggested).toBe(false);
    expect(index!.level).toBe('Beginner');
    expect(index!.keywords.map((k) => k.label)).toEqual(['B-tree', 'lookup']);
    expect(index!.tags).toEqual(['sql', 'perf']);
    expect(cte!.level).toBe('Intermediate');
    expect(cte!.keywordsSuggested).toBe(true);
    expect(cte!.keywords).toEqual([]); // nothing technical-looking in 'A named subquery.'
  });

  it('warns about rows without an answer and about repeated questions', () => {
    const table = parseDelimitedTable('Q1,\nQ2,A\nQ2,B\n');
    const deck = tableToDeck(table, suggestMapping(table), opts);
    expect(deck.questions).toHaveLength(3);
    expect(deck.warnings).toEqual([
      { line: 1, message: '"Q1" has no answer.' },
      { line: 3, message: '"Q2" is also on line 2.' },
    ]);
  });

  it('refuses a mapping that uses one column for question and answer', () => {
    const table = parseDelimitedTable('Q,A\n');
    expect(() => tableToDeck(table, { prompt: 0, answer: 0, level: null, keywords: null, tags: null }, opts)).toThrow(
      ImportError,
    );
  });

  it('does not treat Markdown with code as HTML when the file does not say', () => {
    const table = parseDelimitedTable('Q,A\nWhat is JSX?,"```jsx\n<div>Hi</div>\n```"\n');
    const deck = tableToDeck(table, suggestMapping(table), opts);
    expect(deck.questions[0]!.answer).toBe('```jsx\n<div>Hi</div>\n```');
  });
});

describe('htmlToText', () => {
  it('turns Anki HTML into Markdown-ish text', () => {
    expect(htmlToText('<div>One</div><div>Two &lt;b&gt;</div>')).toBe('One\nTwo <b>');
    expect(htmlToText('a<br/>b<br />c')).toBe('a\nb\nc');
    expect(htmlToText('<p>Para</p><p>Next &#8212; &#x2713;</p>')).toBe('Para\n\nNext — ✓');
    expect(htmlToText('<pre><code>x = 1</code></pre>')).toBe('```\n`x = 1`\n```');
    expect(htmlToText('<span style="color:red">red</span>[sound:a.mp3]')).toBe('red');
  });
});

describe('writeDeckCsv', () => {
  const deck: ParsedDeck = {
    name: 'SQL',
    description: 'Not written.',
    levels: ['Beginner', 'Advanced'],
    warnings: [],
    questions: [
      {
        key: null,
        level: 'Beginner',
        prompt: 'What is a JOIN, "really"?',
        answer: 'Rows from two tables.\nSee below.',
        keywords: [{ label: 'JOIN', aliases: ['joins'], weight: 2 }],
        keywordsSuggested: false,
        tags: ['sql', 'joins'],
        line: 1,
      },
      {
        key: null,
        level: 'Very Hard',
        prompt: '#1 reason for an index?',
        answer: 'Speed.',
        keywords: [{ label: 'ACID, BASE', aliases: [], weight: 1 }],
        keywordsSuggested: false,
        tags: ['machine learning'],
        line: 2,
      },
    ],
  };

  it('writes Anki headers and front, back, tags, keywords columns', () => {
    expect(writeDeckCsv(deck)).toBe(
      [
        '#separator:comma',
        '#html:false',
        '#columns:Front,Back,Tags,Keywords',
        '#tags column:3',
        '#deck:SQL',
        '#levels:Beginner, Advanced, Very Hard',
        '"What is a JOIN, ""really""?","Rows from two tables.',
        'See below.",sql joins level::Beginner,JOIN *2 | joins',
        '"#1 reason for an index?",Speed.,machine_learning level::Very_Hard,"ACID, BASE;"',
        '',
      ].join('\n'),
    );
  });

  it('reads back what it wrote (a space in a tag becomes "_", as Anki needs)', () => {
    const table = parseDelimitedTable(writeDeckCsv(deck));
    const back = tableToDeck(table, suggestMapping(table), opts);
    expect(back.levels).toEqual(['Beginner', 'Advanced', 'Very Hard']);
    expect(back.questions.map((q) => [q.prompt, q.answer, q.level, q.keywords, q.tags, q.line])).toEqual([
      [
        deck.questions[0]!.prompt,
        deck.questions[0]!.answer,
        'Beginner',
        deck.questions[0]!.keywords,
        ['sql', 'joins'],
        7,
      ],
      [deck.questions[1]!.prompt, 'Speed.', 'Very Hard', deck.questions[1]!.keywords, ['machine_learning'], 9],
    ]);
  });
});
