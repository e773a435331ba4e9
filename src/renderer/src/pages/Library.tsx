import { useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import type { QuestionDetail } from '../../../shared/types';
import { api } from '../api';
import { DeleteToast, type Toast } from '../components/library/DeleteToast';
import { LibraryFilters } from '../components/library/LibraryFilters';
import { QuestionDetailPanel } from '../components/library/QuestionDetailPanel';
import { QuestionList } from '../components/library/QuestionList';
import { RecentlyDeletedDialog } from '../components/library/RecentlyDeletedDialog';
import { QuestionEditor } from '../components/QuestionEditor';
import { ErrorNote, Loading } from '../components/States';
import { useQuery } from '../hooks/useQuery';
import { replaceRoute, type RouteParams } from '../hooks/useRoute';
import { facetChoices, filtersRoute, isFiltered, listInput, readFilters, type Filters } from '../lib/library-filters';
import styles from '../components/library/Library.module.css';

const writeFilters = (f: Filters): void => replaceRoute('library', filtersRoute(f));

/** Delete with Undo: the toast, and what Undo and a restore from "Recently deleted" do. */
function useDeleteWithUndo(changed: () => void, open: (id: number | undefined) => void) {
  const [toast, setToast] = useState<Toast | null>(null);
  const remove = async (q: QuestionDetail) => {
    try {
      await api.deleteQuestion({ id: q.id });
    } catch (e) {
      setToast({ id: q.id, prompt: q.prompt, deleted: false, error: (e as Error).message });
      return;
    }
    setToast({ id: q.id, prompt: q.prompt, deleted: true });
    open(undefined);
    changed();
  };
  const undo = async () => {
    if (!toast?.deleted) return;
    try {
      const restored = await api.restoreQuestion({ id: toast.id });
      setToast(null);
      open(restored.id);
      changed();
    } catch (e) {
      setToast({ ...toast, error: (e as Error).message });
    }
  };
  /** A restore from "Recently deleted": the list and the library refresh; a failure is the dialog's to show. */
  const restoreDeleted = async (id: number) => {
    await api.restoreQuestion({ id });
    if (toast?.id === id) setToast(null);
    changed();
  };
  return { toast, dismiss: () => setToast(null), remove, undo, restoreDeleted };
}

export function LibraryPage({ params }: { params: RouteParams<'library'> }) {
  const filters = readFilters(params);
  const [searchText, setSearchText] = useState(filters.search);
  const [version, setVersion] = useState(0);
  const [editing, setEditing] = useState<QuestionDetail | 'new' | null>(null);
  const [showDeleted, setShowDeleted] = useState(false);
  const overview = useQuery(() => api.libraryOverview(), `overview-${version}`);
  // The level and keyword filters offer what the chosen deck holds, with its counts.
  const facets = useQuery(
    () => api.getLibraryFacets(filters.deck ? { deckId: filters.deck } : {}),
    `facets-${filters.deck ?? 'all'}-${version}`,
  );
  const deleted = useQuery(() => api.listDeletedQuestions({}), `deleted-${version}`);
  const input = listInput(filters);
  const list = useQuery(() => api.listQuestions(input), JSON.stringify([input, version]));

  // Typing is debounced so the list follows the words, not each key.
  useEffect(() => {
    if (searchText === filters.search) return;
    const timer = setTimeout(() => writeFilters({ ...filters, search: searchText.trim() }), 200);
    return () => clearTimeout(timer);
  });

  const update = (patch: Partial<Filters>) => writeFilters({ ...filters, ...patch });
  const changed = () => setVersion((v) => v + 1);
  const deletes = useDeleteWithUndo(changed, (open) => update({ open }));

  if (overview.error) return <ErrorNote error={overview.error} onRetry={overview.reload} />;
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
          version={version}
          onClose={closeQuestion}
          onEdit={setEditing}
          onDelete={(q) => void deletes.remove(q)}
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
              changed();
            }}
            onCancel={() => setEditing(null)}
          />
        </aside>
      )}
      {showDeleted && (
        <RecentlyDeletedDialog
          items={deleted.data}
          error={deleted.error}
          onRestore={deletes.restoreDeleted}
          onClose={() => setShowDeleted(false)}
        />
      )}
      {deletes.toast && (
        <DeleteToast toast={deletes.toast} onUndo={() => void deletes.undo()} onDismiss={deletes.dismiss} />
      )}
    </div>
  );
}
