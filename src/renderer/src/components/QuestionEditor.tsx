import { useId, useState } from 'react';
import { hasKeywordSeparator } from '../../../shared/api';
import type { DeckSummary, KeywordCount, QuestionDetail } from '../../../shared/types';
import { useApiMutation, useApiQuery } from '../data/hooks';
import { DeckLevelFields } from './editor/DeckLevelFields';
import { keywordsToSave, rowProblem, sameLabel, splitList, toRows, type KeywordRow } from './editor/keyword-rows';
import { KeywordRows } from './editor/KeywordRows';
import { Markdown } from './Markdown';
import styles from './editor/Editor.module.css';

/** Create or edit a question: prompt, level, Markdown answer with a live preview, keywords with aliases. */
export function QuestionEditor({
  question,
  decks,
  keywords,
  defaultDeckId,
  onSaved,
  onCancel,
}: {
  question: QuestionDetail | null;
  decks: DeckSummary[];
  /** Every keyword in use: offered after the deck's own, and where a typed keyword's aliases come from. */
  keywords: KeywordCount[];
  defaultDeckId: number | undefined;
  onSaved: (saved: QuestionDetail) => void;
  onCancel: () => void;
}) {
  const uid = useId();
  const [deckId, setDeckId] = useState(question?.deckId ?? defaultDeckId ?? decks[0]?.id ?? 0);
  const [level, setLevel] = useState(
    question?.level ?? decks.find((d) => d.id === deckId)?.levels[0] ?? 'Intermediate',
  );
  // The deck's own keywords first, then the rest of the bank's.
  const deckKeywords = useApiQuery('listDeckKeywords', { deckId }, { enabled: deckId > 0 });
  const [prompt, setPrompt] = useState(question?.prompt ?? '');
  const [answer, setAnswer] = useState(question?.answer ?? '');
  const [rows, setRows] = useState<KeywordRow[]>(() => toRows(question));
  const [tags, setTags] = useState(question?.tags.join(', ') ?? '');
  const saving = useApiMutation('saveQuestion', { onSuccess: onSaved });
  const problems = rows.map(rowProblem);

  const chooseDeck = (id: number) => {
    setDeckId(id);
    // The same level in the other deck's spelling, when it has it.
    const same = decks.find((d) => d.id === id)?.levels.find((l) => sameLabel(l, level));
    if (same) setLevel(same);
  };

  const save = () => {
    const firstProblem = problems.findIndex((p) => p !== null);
    if (firstProblem >= 0) {
      const field = hasKeywordSeparator(rows[firstProblem]!.label) ? 'keyword' : 'aliases';
      document.getElementById(`${uid}-${field}-${firstProblem}`)?.focus();
      return;
    }
    if (saving.isPending) return;
    saving.mutate({
      ...(question ? { id: question.id } : {}),
      deckId,
      level,
      prompt,
      answer,
      keywords: keywordsToSave(rows),
      tags: splitList(tags),
    });
  };

  return (
    <form
      className={styles.editor}
      aria-label={question ? 'Edit question' : 'New question'}
      onSubmit={(e) => {
        e.preventDefault();
        save();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          save();
        } else if (e.key === 'Escape') {
          e.preventDefault();
          onCancel();
        }
      }}
    >
      <h2>{question ? 'Edit question' : 'New question'}</h2>
      <DeckLevelFields uid={uid} decks={decks} deckId={deckId} level={level} onDeck={chooseDeck} onLevel={setLevel} />
      <label className="field">
        <span className="field-label">Prompt</span>
        <input
          className="input"
          value={prompt}
          onChange={(e) => setPrompt(e.target.value)}
          placeholder="What is …?"
          required
          autoFocus
        />
      </label>
      <AnswerField answer={answer} onAnswer={setAnswer} />
      <KeywordRows
        uid={uid}
        rows={rows}
        setRows={setRows}
        problems={problems}
        keywords={keywords}
        ownKeywords={deckKeywords.data ?? []}
      />
      <label className="field">
        <span className="field-label">Tags (comma-separated, optional)</span>
        <input className="input" value={tags} onChange={(e) => setTags(e.target.value)} />
      </label>
      {saving.error && (
        <p className="error-text" role="alert">
          {saving.error.message}
        </p>
      )}
      <EditorActions saving={saving.isPending} onCancel={onCancel} />
    </form>
  );
}

/** The model answer in Markdown, with its rendering beside it as it is typed. */
function AnswerField({ answer, onAnswer }: { answer: string; onAnswer: (text: string) => void }) {
  return (
    <div className="field">
      <span className="field-label">Model answer (Markdown)</span>
      <div className={styles.editorSplit}>
        <textarea
          className={`input ${styles.editorAnswer}`}
          aria-label="Model answer"
          value={answer}
          onChange={(e) => onAnswer(e.target.value)}
          placeholder="What a strong candidate says in about a minute. Code in ``` fences."
        />
        <div className={styles.editorPreview} aria-label="Preview">
          {answer.trim() ? <Markdown>{answer}</Markdown> : <p className="muted">The preview appears here.</p>}
        </div>
      </div>
    </div>
  );
}

function EditorActions({ saving, onCancel }: { saving: boolean; onCancel: () => void }) {
  return (
    <div className="dialog-actions">
      <button type="button" className="button" onClick={onCancel}>
        Cancel <kbd>Esc</kbd>
      </button>
      <button type="submit" className="button button-primary" disabled={saving}>
        Save <kbd>Ctrl+Enter</kbd>
      </button>
    </div>
  );
}
