import { describe, expect, it } from 'vitest';
import { checkPython } from './python-check';

const messages = (source: string) => checkPython(source).map((p) => `${p.line}: ${p.message}`);

describe('the Python check of model answers', () => {
  it('accepts valid code: decorators, strings of every kind, brackets across lines, one-line blocks', () => {
    const source = [
      'from django.db import transaction',
      '',
      '@transaction.atomic',
      'def transfer(src_id: int, dst_id: int, amount) -> None:',
      '    """Moves money.',
      '',
      "    Both rows are locked: it's safe.",
      '    """',
      '    rows = (Account.objects',
      '            .select_for_update()',
      '            .filter(pk__in=[src_id, dst_id]))  # locked until commit',
      '    label = f"{amount:>{width}} to {names[\'dst\']} {{literal}}"',
      "    pattern = r'\\d+\\'s'",
      '    data = {\'a\': [1, 2], "b": (3,)}',
      '    if not rows: return',
      '    for row in rows:',
      '        if row.pk == src_id:',
      '            row.balance -= amount',
      '        elif row.pk == dst_id:',
      '            row.balance += amount',
      '        else:',
      '            continue',
      '    total = 1 + \\',
      '        2',
      '',
      'async def view(request):',
      '    user = await request.auser()',
      '    async with httpx.AsyncClient() as client:',
      '        return await client.get(URL)',
      '',
      'class Meta:',
      '    # a comment only',
      '    ordering = ["-created_at"]',
      'value = x if y else z',
      'result = (n := 10)',
    ].join('\n');
    expect(messages(source)).toEqual([]);
  });

  it.each([
    [
      'a block starter without its colon',
      'def f(x)\n    return x',
      ['1: expected \':\' at the end of "def f(x)"', '2: unexpected indent'],
    ],
    [
      'an if without its colon',
      'if ready\n    go()',
      ['1: expected \':\' at the end of "if ready"', '2: unexpected indent'],
    ],
    ['a block with no body', 'for x in y:\nprint(x)', ['2: expected an indented block after line 1']],
    ['a block at the end with no body', 'class A:', ['1: expected an indented block after line 1']],
    ['a body indented by 2', 'def f():\n  return 1', ['2: indented by 2 spaces, not 4']],
    ['an indent out of nowhere', 'x = 1\n    y = 2', ['2: unexpected indent']],
    [
      'a dedent to no open level',
      'if a:\n        b()\n    c()',
      ['2: indented by 8 spaces, not 4', '3: unindent does not match any outer indentation level'],
    ],
    ['an unclosed bracket', 'x = foo(1, [2, 3]\ny = 2', ["1: '(' was never closed"]],
    ['a mismatched bracket', 'x = [1, 2)', ["1: ')' does not match '[' opened on line 1"]],
    ['a stray closing bracket', 'x = 1)', ["1: unmatched ')'"]],
    ['an unterminated string', 'x = "abc\ny = 2', ['1: unterminated string literal']],
    ['an unterminated triple-quoted string', 'x = """abc\ny = 2', ['1: unterminated triple-quoted string']],
    ['a single } in an f-string', 'x = f"a}b"', ["1: f-string: single '}' is not allowed"]],
    [
      'the same quote inside an f-string field',
      'x = f"{d["k"]}"',
      ['1: f-string: the closing quote is inside a replacement field'],
    ],
    ['a tab in the indentation', 'if a:\n\tb()', ['2: tab in indentation', '2: indented by 1 spaces, not 4']],
  ])('finds %s', (_name, source, expected) => {
    expect(messages(source)).toEqual(expected);
  });

  it('ignores brackets and colons inside strings and comments', () => {
    expect(messages('x = "(:"  # ) [ {\nif x == "]": pass')).toEqual([]);
  });
});
