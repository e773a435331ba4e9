import { keepPreviousData } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import type { QuestionDetail } from '../../../shared/types';
import { DeleteToast, type Toast } from '../components/library/DeleteToast';
import { LibraryFilters } from '../components/library/LibraryFilters';
import { QuestionDetailPanel } from '../components/library/QuestionDetailPanel';
import { QuestionList } from '../components/library/QuestionList';
import { RecentlyDeletedDialog } from '../components/library/RecentlyDeletedDialog';
import { QuestionEditor } from '../components/QuestionEditor';
import { ErrorNote, Loading } from '../components/States';
import { useApiMutation, useApiQuery } from '../data/hooks';
import { replaceRoute, type RouteParams } from '../hooks/useRoute';
import { facetChoices, filtersRoute, isFiltered, listInput, readFilters, type Filters } from '../lib/library-filters';
import styles from '../components/library/Library.module.css';

const writeFilters = (f: Filters): void => replaceRoute('library', filtersRoute(f));

/** Delete with Undo: the toast, and what Undo does. */
function useDeleteWithUndo(open: (id: number | undefined) => void) {
  const [toast, setToast] = useState<Toast | null>(null);
  const remove = useApiMutation('deleteQuestion');
  const restore = useApiMutation('restoreQuestion');
  const deleteQuestion = (q: QuestionDetail) =>
    remove.mutate(
      { id: q.id },
      {
        onSuccess: () => {
          setToast({ id: q.id, prompt: q.prompt, deleted: true });
          open(undefined);
        },
        onError: (e) => setToast({ id: q.id, prompt: q.prompt, deleted: false, error: e.message }),
      },
    );
  const undo = () => {
    if (!toast?.deleted || restore.isPending) return;
    restore.mutate(
      { id: toast.id },
      {
        onSuccess: (restored) => {
          setToast(null);
          open(restored.id);
        },
        onError: (e) => setToast({ ...toast, error: e.message }),
      },
    );
  };
  return { toast, setToast, deleteQuestion, undo };
}

export function LibraryPage({ params }: { params: RouteParams<'library'> }) {
  const filters = readFilters(params);
  const [searchText, setSearchText] = useState(filters.search);
  const [editing, setEditing] = useState<QuestionDetail | 'new' | null>(null);
  const [showDeleted, setShowDeleted] = useState(false);
  const overview = useApiQuery('libraryOverview');
  // The level and keyword filters offer what the chosen deck holds, with its counts.
  const facets = useApiQuery('getLibraryFacets', filters.deck ? { deckId: filters.deck } : {}, {
    placeholderData: keepPreviousData,
  });
  const deleted = useApiQuery('listDeletedQuestions', {});
  // The rows on screen stay while the next filters' rows load.
  const list = useApiQuery('listQuestions', listInput(filters), { placeholderData: keepPreviousData });

  // Typing is debounced so the list follows the words, not each key.
  useEffect(() => {
    if (searchText === filters.search) return;
    const timer = setTimeout(() => writeFilters({ ...filters, search: searchText.trim() }), 200);
    return () => clearTimeout(timer);
  });

  const update = (patch: Partial<Filters>) => writeFilters({ ...filters, ...patch });
  const deletes = useDeleteWithUndo((open) => update({ open }));

  if (overview.error) return <ErrorNote error={overview.error} onRetry={() => void overview.refetch()} />;
  if (!overview.data) return <Loading />;
  const { decks, keywords } = overview.data;
  const choices = facetChoices(facets.data ?? overview.data, keywords, filters);
  const closeQuestion = () => {
    const id = filters.open;
    // Rendered at once: in a narrow window the list comes back only as the question goes.
    flushSync(() => update({ open: undefined }));
    // Back to the row that opened it, not to <body>.
    document.querySelector<HTMLElement>(`[data-question-id="${id}"]`)?.focus();
  };

  return (
    <div
      data-testid="library"
      className={`${styles.library} ${filters.open || editing ? styles.libraryWithDetail : ''}`}
    >
      <LibraryFilters
        filters={filters}
        decks={decks}
        levels={choices.levels}
        keywords={choices.keywords}
        filtered={isFiltered(filters)}
        deletedCount={deleted.data?.length}
        onChange={update}
        onClear={() => {
          setSearchText('');
          writeFilters({ deck: undefined, levels: [], keywordIds: [], search: '', open: filters.open });
        }}
        onShowDeleted={() => setShowDeleted(true)}
      />
      <QuestionList
        list={list}
        searchText={searchText}
        onSearchText={setSearchText}
        search={filters.search}
        open={filters.open}
        showDeck={decks.length > 1}
        onOpen={(id) => update({ open: id })}
        onNew={() => setEditing('new')}
      />
      {filters.open && !editing && (
        <QuestionDetailPanel
          id={filters.open}
          onClose={closeQuestion}
          onEdit={setEditing}
          onDelete={deletes.deleteQuestion}
        />
      )}
      {editing && (
        <aside className={styles.detail} aria-label="Editor">
          <QuestionEditor
            question={editing === 'new' ? null : editing}
            decks={decks}
            keywords={keywords}
            defaultDeckId={filters.deck}
            onSaved={(saved) => {
              setEditing(null);
              update({ open: saved.id });
            }}
            onCancel={() => setEditing(null)}
          />
        </aside>
      )}
      {showDeleted && (
        <RecentlyDeletedDialog
          items={deleted.data}
          error={deleted.error}
          onRestored={(id) => {
            if (deletes.toast?.id === id) deletes.setToast(null);
          }}
          onClose={() => setShowDeleted(false)}
        />
      )}
      {deletes.toast && (
        <DeleteToast toast={deletes.toast} onUndo={deletes.undo} onDismiss={() => deletes.setToast(null)} />
      )}
    </div>
  );
}
