import { useState } from 'react';
import type { ImportAction, ImportPreview, ImportPreviewQuestion } from '../../../../shared/transfer';
import { plural } from '../../lib/format';
import { LevelBadge } from '../LevelBadge';
import { previewPage } from './import-paging';
import shared from './Transfer.module.css';
import styles from './Import.module.css';

const ACTIONS: Record<ImportAction, { label: string; className: string | undefined }> = {
  create: { label: 'New', className: styles.statusNew },
  update: { label: 'Updates the deck’s copy', className: styles.statusUpdate },
  'skip-duplicate': { label: 'Already in the deck: skipped', className: styles.statusSkip },
  'skip-repeated': { label: 'Repeated in the file: skipped', className: styles.statusSkip },
};

/** The preview's warnings and its questions, the first ones at first, with what each would do. */
export function PreviewQuestions({ preview }: { preview: ImportPreview }) {
  const [showAll, setShowAll] = useState(false);
  const page = previewPage(preview, showAll);
  return (
    <>
      {preview.warnings.length > 0 && (
        <div className={styles.importWarnings} aria-label="Warnings">
          <p className="section-label">
            {plural(preview.warnings.length, 'warning')} · the import can go ahead; check these lines
          </p>
          <ul>
            {preview.warnings.map((w, i) => (
              <li key={i}>
                <span className={styles.lineRef}>{w.line > 0 ? `Line ${w.line}` : 'File'}</span>
                <span>{w.message}</span>
              </li>
            ))}
          </ul>
        </div>
      )}

      <div className={styles.importTableWrap}>
        <table className={`table ${styles.importTable}`} aria-label="Questions to import">
          <thead>
            <tr>
              <th className="num">Line</th>
              <th>Question</th>
              <th>Level</th>
              <th>Keywords</th>
              <th>Import</th>
            </tr>
          </thead>
          <tbody>
            {page.rows.map((q, i) => (
              <QuestionRow key={i} q={q} sourceNamedLevel={!preview.noLevelHints} />
            ))}
          </tbody>
        </table>
      </div>
      {page.showMore && (
        <button type="button" className={`button button-small ${styles.showAll}`} onClick={() => setShowAll(true)}>
          {page.showMore}
        </button>
      )}
      {page.partial && <p className="muted small">{page.partial}</p>}
    </>
  );
}

/** `sourceNamedLevel`: false for an article without level headings, whose default level it never named. */
function QuestionRow({ q, sourceNamedLevel }: { q: ImportPreviewQuestion; sourceNamedLevel: boolean }) {
  const action = ACTIONS[q.action];
  const skipped = q.action === 'skip-duplicate' || q.action === 'skip-repeated';
  return (
    <tr className={skipped ? styles.rowSkipped : undefined}>
      <td className="num muted">{q.line || '—'}</td>
      <td>
        <div className={styles.importQuestion}>
          <span className={styles.importPrompt}>{q.prompt}</span>
          {q.answerExcerpt && <span className={styles.importExcerpt}>{q.answerExcerpt}</span>}
        </div>
      </td>
      <td>
        <LevelBadge level={q.level} />
        {sourceNamedLevel && q.level !== q.sourceLevel && (
          <span className={`muted small ${styles.levelWas}`}>was {q.sourceLevel}</span>
        )}
      </td>
      <td>
        {q.keywords.length === 0 ? (
          <span className={`${shared.warnText} small`}>No keywords: add some after the import</span>
        ) : (
          <div className={styles.importKeywords}>
            {q.keywordsSuggested && (
              <span className={styles.suggestedLabel} title="The source names no keywords: these come from the answer">
                Suggested
              </span>
            )}
            {q.keywords.map((k) => (
              <span
                key={k.label}
                className={`chip ${q.keywordsSuggested ? styles.chipSuggested : ''}`}
                title={k.aliases.length ? `Also: ${k.aliases.join(', ')}` : undefined}
              >
                {k.label}
                {k.aliases.length > 0 && <span className="muted"> +{k.aliases.length}</span>}
                {k.weight > 1 && <span className="muted"> ×{k.weight}</span>}
              </span>
            ))}
          </div>
        )}
      </td>
      <td>
        <span className={`${styles.importStatus} ${action.className}`}>{action.label}</span>
      </td>
    </tr>
  );
}
