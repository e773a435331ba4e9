import { useState } from 'react';
import type { DeckSummary, KeywordCount, QuestionDetail } from '../../../shared/types';
import { api } from '../api';
import { Markdown } from './Markdown';

interface KeywordRow {
  label: string;
  aliases: string;
  weight: number;
}

const toRows = (q: QuestionDetail | null): KeywordRow[] =>
  q
    ? q.keywords.map((k) => ({ label: k.label, aliases: k.aliases.join(', '), weight: k.weight }))
    : [{ label: '', aliases: '', weight: 1 }];

const splitList = (text: string): string[] =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

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
  keywords: KeywordCount[];
  defaultDeckId: number | undefined;
  onSaved: (saved: QuestionDetail) => void;
  onCancel: () => void;
}) {
  const [deckId, setDeckId] = useState(question?.deckId ?? defaultDeckId ?? decks[0]?.id ?? 0);
  const deck = decks.find((d) => d.id === deckId);
  const levels = deck ? [...deck.levels] : [];
  const [level, setLevel] = useState(question?.level ?? levels[0] ?? 'Intermediate');
  if (!levels.includes(level)) levels.push(level);
  const [prompt, setPrompt] = useState(question?.prompt ?? '');
  const [answer, setAnswer] = useState(question?.answer ?? '');
  const [rows, setRows] = useState<KeywordRow[]>(() => toRows(question));
  const [tags, setTags] = useState(question?.tags.join(', ') ?? '');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const updateRow = (index: number, patch: Partial<KeywordRow>) =>
    setRows((list) => list.map((row, i) => (i === index ? { ...row, ...patch } : row)));

  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      const saved = await api.saveQuestion({
        ...(question ? { id: question.id } : {}),
        deckId,
        level,
        prompt,
        answer,
        keywords: rows
          .filter((r) => r.label.trim())
          .map((r) => ({ label: r.label.trim(), aliases: splitList(r.aliases), weight: r.weight })),
        tags: splitList(tags),
      });
      onSaved(saved);
    } catch (e) {
      setError((e as Error).message);
      setSaving(false);
    }
  };

  return (
    <form
      className="editor"
      aria-label={question ? 'Edit question' : 'New question'}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          void save();
        } else if (e.key === 'Escape') {
          e.preventDefault();
          onCancel();
        }
      }}
    >
      <h2>{question ? 'Edit question' : 'New question'}</h2>
      <div className="form-cols">
        <label className="field">
          <span className="field-label">Deck</span>
          <select className="input" value={deckId} onChange={(e) => setDeckId(Number(e.target.value))}>
            {decks.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field-label">Level</span>
          <select className="input" value={level} onChange={(e) => setLevel(e.target.value)}>
            {levels.map((l) => (
              <option key={l}>{l}</option>
            ))}
          </select>
        </label>
      </div>
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
      <div className="field">
        <span className="field-label">Model answer (Markdown)</span>
        <div className="editor-split">
          <textarea
            className="input editor-answer"
            aria-label="Model answer"
            value={answer}
            onChange={(e) => setAnswer(e.target.value)}
            placeholder="What a strong candidate says in about a minute. Code in ``` fences."
          />
          <div className="editor-preview" aria-label="Preview">
            {answer.trim() ? <Markdown>{answer}</Markdown> : <p className="muted">The preview appears here.</p>}
          </div>
        </div>
      </div>
      <fieldset className="field">
        <legend className="field-label">Keywords a good answer names</legend>
        <datalist id="keyword-suggestions">
          {keywords.map((k) => (
            <option key={k.id} value={k.label} />
          ))}
        </datalist>
        <ul className="keyword-rows">
          {rows.map((row, index) => (
            <li key={index} className="keyword-row">
              <input
                className="input"
                list="keyword-suggestions"
                aria-label={`Keyword ${index + 1}`}
                placeholder="Keyword"
                value={row.label}
                onChange={(e) => {
                  const known = keywords.find((k) => k.label.toLowerCase() === e.target.value.toLowerCase());
                  updateRow(index, {
                    label: e.target.value,
                    ...(known && !row.aliases ? { aliases: known.aliases.join(', ') } : {}),
                  });
                }}
              />
              <input
                className="input"
                aria-label={`Aliases of keyword ${index + 1}`}
                placeholder="Other ways to say it, comma-separated"
                value={row.aliases}
                onChange={(e) => updateRow(index, { aliases: e.target.value })}
              />
              <select
                className="input"
                aria-label={`Weight of keyword ${index + 1}`}
                value={row.weight}
                onChange={(e) => updateRow(index, { weight: Number(e.target.value) })}
              >
                {[1, 2, 3, 4, 5].map((w) => (
                  <option key={w} value={w}>
                    ×{w}
                  </option>
                ))}
              </select>
              <button
                type="button"
                className="icon-button"
                aria-label={`Remove keyword ${index + 1}`}
                onClick={() => setRows((list) => list.filter((_, i) => i !== index))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
        <button
          type="button"
          className="button button-small"
          onClick={() => setRows((list) => [...list, { label: '', aliases: '', weight: 1 }])}
        >
          Add keyword
        </button>
      </fieldset>
      <label className="field">
        <span className="field-label">Tags (comma-separated, optional)</span>
        <input className="input" value={tags} onChange={(e) => setTags(e.target.value)} />
      </label>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onCancel}>
          Cancel <kbd>Esc</kbd>
        </button>
        <button type="submit" className="button button-primary" disabled={saving}>
          Save <kbd>Ctrl+Enter</kbd>
        </button>
      </div>
    </form>
  );
}
