/** The SQL that picks questions by deck, level, keyword and search, and orders them: the library and planning share it. */
import type { QuestionFilter } from '../../shared/api';

/** The WHERE clause of a question filter, shared by the library list and session planning. */
export function questionFilterSql(filter: Pick<QuestionFilter, 'deckIds' | 'levels' | 'keywordIds' | 'search'>): {
  where: string;
  params: unknown[];
} {
  const clauses = ['q.deleted_at IS NULL'];
  const params: unknown[] = [];
  if (filter.deckIds?.length) {
    clauses.push('q.deck_id IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(filter.deckIds));
  }
  if (filter.levels?.length) {
    clauses.push('q.level IN (SELECT value FROM json_each(?))');
    params.push(JSON.stringify(filter.levels));
  }
  if (filter.keywordIds?.length) {
    clauses.push(
      'EXISTS (SELECT 1 FROM question_keywords qk WHERE qk.question_id = q.id AND qk.keyword_id IN (SELECT value FROM json_each(?)))',
    );
    params.push(JSON.stringify(filter.keywordIds));
  }
  const search = filter.search?.trim();
  if (search) {
    clauses.push(
      `(instr(lower(q.prompt), lower(?)) > 0 OR instr(lower(q.answer), lower(?)) > 0
        OR EXISTS (SELECT 1 FROM question_keywords qk JOIN keywords k ON k.id = qk.keyword_id
                    WHERE qk.question_id = q.id AND (instr(lower(k.label), lower(?)) > 0 OR instr(lower(k.aliases), lower(?)) > 0)))`,
    );
    params.push(search, search, search, search);
  }
  return { where: clauses.join(' AND '), params };
}

/** Orders questions by deck, then by the deck's own level order, then by position. */
export const LEVEL_ORDER_SQL = `coalesce((SELECT key FROM json_each(d.levels) WHERE value = q.level), 99)`;
