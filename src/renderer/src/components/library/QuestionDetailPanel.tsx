import type { QuestionDetail } from '../../../../shared/types';
import { keepPreviousData } from '@tanstack/react-query';
import { useApiQuery } from '../../data/hooks';
import { LevelBadge } from '../LevelBadge';
import { Markdown } from '../Markdown';
import { ErrorNote, Loading } from '../States';
import styles from './Library.module.css';

/** One question, open beside the list: its level, deck, keywords and model answer, with Edit and Delete. */
export function QuestionDetailPanel({
  id,
  onClose,
  onEdit,
  onDelete,
}: {
  id: number;
  onClose: () => void;
  onEdit: (q: QuestionDetail) => void;
  onDelete: (q: QuestionDetail) => void;
}) {
  // The question on screen stays until the next one it opens has come.
  const detail = useApiQuery('getQuestion', { id }, { placeholderData: keepPreviousData });
  return (
    <aside className={styles.detail} aria-label="Question">
      <div className={styles.detailTools}>
        {detail.data && (
          <>
            <button type="button" className="button button-small" onClick={() => onEdit(detail.data!)}>
              Edit
            </button>
            <button type="button" className="button button-small button-danger" onClick={() => onDelete(detail.data!)}>
              Delete
            </button>
          </>
        )}
        <button type="button" className="icon-button" onClick={onClose} aria-label="Close question">
          ×
        </button>
      </div>
      {/* A refetch that failed (the question was just deleted) leaves what it showed. */}
      {detail.error && !detail.data && <ErrorNote error={detail.error} />}
      {!detail.data && !detail.error && <Loading />}
      {detail.data && <QuestionArticle question={detail.data} />}
    </aside>
  );
}

function QuestionArticle({ question }: { question: QuestionDetail }) {
  return (
    <article>
      <div className={styles.detailMeta}>
        <LevelBadge level={question.level} />
        <span className="muted">{question.deckName}</span>
        {question.edited && <span className="pill">Edited</span>}
      </div>
      <h2 className={styles.detailPrompt}>{question.prompt}</h2>
      <h3 className="section-label">Keywords a strong answer names</h3>
      <ul className="chip-row" aria-label="Keywords of this question">
        {question.keywords.map((k) => (
          <li key={k.id} className="chip" title={k.aliases.length ? `Also: ${k.aliases.join(', ')}` : undefined}>
            {k.label}
            {k.weight > 1 && <span className="muted"> ×{k.weight}</span>}
          </li>
        ))}
      </ul>
      <h3 className="section-label">Model answer</h3>
      <Markdown>{question.answer}</Markdown>
    </article>
  );
}
