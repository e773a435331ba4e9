import type { ImportPreview, ImportPreviewQuestion } from '../../../../shared/transfer';
import { count } from '../../lib/format';

/** How many questions the preview lists before "Show all": enough to judge the import, few enough to draw at once. */
export const SHOWN_AT_FIRST = 50;

/**
 * The questions of the preview's page to list, the label of the button that lists the rest of the page
 * (null when there is none), and the note that says the page is not the whole import (null when it is).
 */
export function previewPage(
  preview: Pick<ImportPreview, 'questions' | 'questionCount'>,
  showAll: boolean,
): { rows: ImportPreviewQuestion[]; showMore: string | null; partial: string | null } {
  const { questions, questionCount } = preview;
  const rows = showAll ? questions : questions.slice(0, SHOWN_AT_FIRST);
  const cut = questionCount > questions.length;
  return {
    rows,
    showMore:
      questions.length > rows.length ? `Show ${cut ? 'the first' : 'all'} ${count(questions.length)} questions` : null,
    partial:
      showAll && cut
        ? `The first ${count(questions.length)} of ${count(questionCount)} questions are listed; all of them are imported.`
        : null,
  };
}
