import fs from 'node:fs';
import path from 'node:path';
import { format } from 'prettier';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { deckJsonSchema } from '../../src/main/core/import/json';

const SCHEMA_FILE = path.resolve('docs/prepdeck-deck.schema.json');

/** The JSON Schema of Prepdeck JSON decks, for editors and other tools, made from the reader's own zod schema. */
async function jsonSchema(): Promise<string> {
  const schema = z.toJSONSchema(deckJsonSchema, { io: 'input' });
  const documented = {
    ...schema,
    $id: 'https://prepdeck.app/schema/prepdeck-deck-1.json',
    title: 'Prepdeck deck (JSON, version 1)',
    description: 'A deck of interview questions, as Prepdeck exports and imports it.',
  };
  // Formatted as the repository's Prettier would, so `npm run lint` and this test agree.
  return format(JSON.stringify(documented), { parser: 'json' });
}

describe('the Prepdeck JSON schema file', () => {
  it('is the schema the importer checks (regenerate with UPDATE_SCHEMA=1 npx vitest run tests/unit/json-schema.test.ts)', async () => {
    const expected = await jsonSchema();
    if (process.env['UPDATE_SCHEMA'] === '1') fs.writeFileSync(SCHEMA_FILE, expected);
    expect(fs.readFileSync(SCHEMA_FILE, 'utf8')).toBe(expected);
  });
});
