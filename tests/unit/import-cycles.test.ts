import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { afterAll, describe, expect, it } from 'vitest';
import importCycles from '../../eslint-rules/import-cycles.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'prepdeck-cycles-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function lint(files: Record<string, string>, target: string): string[] {
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  const linter = new Linter({ configType: 'flat', cwd: dir });
  const file = path.join(dir, target);
  return linter
    .verify(
      fs.readFileSync(file, 'utf8'),
      [
        {
          files: ['**/*.ts'],
          languageOptions: { parser: tseslint.parser as Linter.Parser },
          plugins: { prepdeck: { rules: { 'import-cycles': importCycles } } },
          rules: { 'prepdeck/import-cycles': 'error' },
        },
      ],
      file,
    )
    .map((m) => `${m.line}: ${m.message}`);
}

describe('the import-cycles lint rule', () => {
  it('refuses a circle of type-only imports, pointing at the import that closes it', () => {
    const found = lint(
      {
        'a/index.ts': "import { b } from './b';\nexport type Ctx = { n: number };\nexport const a = b;\n",
        'a/b.ts': "// a feature\nimport type { Ctx } from './index';\nexport const b = (c: Ctx) => c.n;\n",
      },
      'a/b.ts',
    );
    expect(found).toEqual([
      '2: Import circle: b.ts imports ./index, which leads back here. Move what both need into a leaf module.',
    ]);
  });

  it('accepts the same files once the shared type lives in a leaf module', () => {
    const files = {
      'c/context.ts': 'export type Ctx = { n: number };\n',
      'c/index.ts': "import { b } from './b';\nexport type { Ctx } from './context';\nexport const a = b;\n",
      'c/b.ts': "import type { Ctx } from './context';\nexport const b = (c: Ctx) => c.n;\n",
    };
    expect(lint(files, 'c/b.ts')).toEqual([]);
    expect(lint(files, 'c/index.ts')).toEqual([]);
  });
});
