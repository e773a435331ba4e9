import { useState } from 'react';
import type { ImportAction, ImportPreview, ImportPreviewQuestion } from '../../../../shared/transfer';
import { plural } from '../../lib/format';
import { LevelBadge } from '../LevelBadge';
import { previewPage } from './import-paging';

const ACTIONS: Record<ImportAction, { label: string; className: string }> = {
  create: { label: 'New', className: 'status-new' },
  update: { label: 'Updates the deck’s copy', className: 'status-update' },
  'skip-duplicate': { label: 'Already in the deck: skipped', className: 'status-skip' },
  'skip-repeated': { label: 'Repeated in the file: skipped', className: 'status-skip' },
};

/** The preview's warnings and its questions, the first ones at first, with what each would do. */
export function PreviewQuestions({ preview }: { preview: ImportPreview }) {
  const [showAll, setShowAll] = useState(false);
  const page = previewPage(preview, showAll);
  return (
    <>
      {preview.warnings.length > 0 && (
        <div className="import-warnings" aria-label="Warnings">
          <p className="section-label">
            {plural(preview.warnings.length, 'warning')} · the import can go ahead; check these lines
          </p>
          <ul>
            {preview.warnings.map((w, i) => (
              <li key={i}>
                <span className="line-ref">{w.line > 0 ? `Line ${w.line}` : 'File'}</span>
                <span>{w.message}</span>
              </li>
            ))}
          </ul>
        </div>
      )}

      <div className="import-table-wrap">
        <table className="table import-table" aria-label="Questions to import">
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
        <button type="button" className="button button-small show-all" onClick={() => setShowAll(true)}>
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
    <tr className={skipped ? 'row-skipped' : undefined}>
      <td className="num muted">{q.line || '—'}</td>
      <td>
        <div className="import-question">
          <span className="import-prompt">{q.prompt}</span>
          {q.answerExcerpt && <span className="import-excerpt">{q.answerExcerpt}</span>}
        </div>
      </td>
      <td>
        <LevelBadge level={q.level} />
        {sourceNamedLevel && q.level !== q.sourceLevel && (
          <span className="muted small level-was">was {q.sourceLevel}</span>
        )}
      </td>
      <td>
        {q.keywords.length === 0 ? (
          <span className="warn-text small">No keywords: add some after the import</span>
        ) : (
          <div className="import-keywords">
            {q.keywordsSuggested && (
              <span className="suggested-label" title="The source names no keywords: these come from the answer">
                Suggested
              </span>
            )}
            {q.keywords.map((k) => (
              <span
                key={k.label}
                className={`chip ${q.keywordsSuggested ? 'chip-suggested' : ''}`}
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
        <span className={`import-status ${action.className}`}>{action.label}</span>
      </td>
    </tr>
  );
}
