import type { UseQueryResult } from '@tanstack/react-query';
import type { QuestionPage, QuestionSummary, SearchMatch } from '../../../../shared/types';
import { markSearch, matchWhere } from '../../lib/library-filters';
import { LevelBadge } from '../LevelBadge';
import { EmptyState, ErrorNote, Loading } from '../States';
import styles from './Library.module.css';

/** The questions the filters let through, with the search box, their count and "New question". */
export function QuestionList({
  list,
  searchText,
  onSearchText,
  search,
  open,
  showDeck,
  onOpen,
  onNew,
}: {
  list: UseQueryResult<QuestionPage>;
  searchText: string;
  onSearchText: (text: string) => void;
  /** The search the list answers (typing runs ahead of it). */
  search: string;
  open: number | undefined;
  showDeck: boolean;
  onOpen: (id: number) => void;
  onNew: () => void;
}) {
  return (
    <section className={styles.questionList} aria-label="Questions">
      <div className={styles.listHead}>
        <input
          type="search"
          className={`input ${styles.inputSearch}`}
          placeholder="Search prompts, answers and keywords…"
          value={searchText}
          onChange={(e) => onSearchText(e.target.value)}
          aria-label="Search questions"
        />
        <div className={styles.listMeta}>
          <p className="muted small" data-testid="result-count" aria-live="polite">
            {list.data ? `${list.data.total} ${list.data.total === 1 ? 'question' : 'questions'}` : ' '}
          </p>
          <button type="button" className="button button-small" onClick={onNew}>
            New question
          </button>
        </div>
      </div>
      {list.error && <ErrorNote error={list.error} onRetry={() => void list.refetch()} />}
      {!list.data && !list.error && <Loading />}
      {list.data && list.data.total === 0 && (
        <EmptyState title="No question matches">
          <p>Try fewer filters, or a shorter search.</p>
        </EmptyState>
      )}
      {list.data && list.data.total > 0 && (
        <ol className={styles.questions}>
          {list.data.items.map((q) => (
            <li key={q.id}>
              <QuestionRow question={q} open={open === q.id} showDeck={showDeck} search={search} onOpen={onOpen} />
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function QuestionRow({
  question: q,
  open,
  showDeck,
  search,
  onOpen,
}: {
  question: QuestionSummary;
  open: boolean;
  showDeck: boolean;
  search: string;
  onOpen: (id: number) => void;
}) {
  return (
    <button
      type="button"
      className={`${styles.questionRow} ${open ? styles.questionRowOpen : ''}`}
      aria-current={open ? 'true' : undefined}
      data-question-id={q.id}
      onClick={() => onOpen(q.id)}
    >
      <span className={styles.questionRowTop}>
        <LevelBadge level={q.level} />
        {showDeck && <span className="muted small">{q.deckName}</span>}
      </span>
      <span className={styles.questionPrompt}>{q.prompt}</span>
      {q.match && <MatchNote match={q.match} search={search} />}
      <span className={styles.questionKeywords}>
        {q.keywords.slice(0, 5).map((k) => (
          <span key={k.id} className="chip chip-quiet">
            {k.label}
          </span>
        ))}
        {q.keywords.length > 5 && <span className="muted small">+{q.keywords.length - 5}</span>}
      </span>
    </button>
  );
}

/** Where a search found a question, in words, with the matching words of the answer marked. */
function MatchNote({ match, search }: { match: SearchMatch; search: string }) {
  const snippet = match.answerSnippet ?? '';
  const marked = markSearch(snippet, search);
  return (
    <span className={styles.matchNote} data-testid="match-note">
      <span className={styles.matchWhere}>{matchWhere(match)}</span>
      {snippet && (
        <span className={styles.matchSnippet}>
          {marked.before}
          {marked.mark && <mark>{marked.mark}</mark>}
          {marked.after}
        </span>
      )}
    </span>
  );
}
