import type { Handlers } from '../../src/main/api';
import type { Db } from '../../src/main/store/db';
import { callApi } from './harness';

const LEVELS = ['Junior', 'Senior', 'Staff', 'Principal'];

/** One question of the export deck: every feature the three formats must carry, varied by `i`. */
function question(i: number): string {
  const level = LEVELS[(i * 7) % LEVELS.length]!;
  const prompt = i % 5 === 0 ? `# Not a comment ${i}: naïve “quotes”, commas?` : `Question ${i} — über ✓ 日本語 🚀?`;
  const keywords =
    i % 3 === 0
      ? `idempotency key *3 | idempotency-key | 冪等キー; retries`
      : `load balancer | LB; health checks *2; round robin, weighted`;
  const answer =
    i % 4 === 0
      ? `Use a key:\n\n\`\`\`python\nif seen(key):\n    return stored[key]  # "cached", ok\n\`\`\`\n\n### Why\n\nAt-least-once, ${i}.`
      : `Plain answer ${i}, with "quotes", a comma\nand a second line; ümlaut.`;
  return [
    `## ${level}`,
    '',
    `### ${prompt}`,
    '',
    ...(i % 2 === 0 ? [`Id: q-${i}`] : []),
    `Keywords: ${keywords}`,
    ...(i % 3 !== 1 ? [`Tags: tag ${i % 4}, networking`] : []),
    '',
    answer.includes('###') ? `<!-- answer -->\n${answer}\n<!-- /answer -->` : answer,
    '',
  ].join('\n');
}

/**
 * A deck with keywords (aliases, weights, a comma in a label), tags, ids, unicode, code blocks and answers with
 * headings, its levels interleaved by position; then a question deleted and the deck's levels edited, so that two
 * levels are no longer declared (they come last, interleaved) and one declared level has no questions. Its id.
 */
export async function buildExportDeck(api: Handlers, db: Db, count: number): Promise<number> {
  const body = Array.from({ length: count }, (_, i) => question(i + 1)).join('\n');
  const text = `# Export “deck”, ü\n\nFor the deck export's tests: a description, with commas.\n\nLevels: ${LEVELS.join(', ')}\n\n${body}`;
  const result = await callApi(api, 'commitImport', {
    source: { kind: 'text', text, fileName: 'export.md' },
    target: { newDeckName: 'Export “deck”, ü' },
  });
  const deckId = result.deckId;
  const second = db.prepare('SELECT id FROM questions WHERE deck_id = ? ORDER BY position LIMIT 1 OFFSET 1').pluck();
  await callApi(api, 'deleteQuestion', { id: second.get(deckId) as number });
  db.prepare('UPDATE decks SET levels = ? WHERE id = ?').run(JSON.stringify(['Staff', 'Empty', 'Senior']), deckId);
  return deckId;
}
