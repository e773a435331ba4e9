import { useId, useState } from 'react';
import { ALIAS_SEPARATOR_MESSAGE, hasKeywordSeparator, KEYWORD_SEPARATOR_MESSAGE } from '../../../shared/api';
import type { DeckSummary, KeywordCount, QuestionDetail } from '../../../shared/types';
import { api } from '../api';
import { useQuery } from '../hooks/useQuery';
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

/** What is wrong with a keyword row as typed (the contract refuses the same), or null. */
function rowProblem(row: KeywordRow): string | null {
  if (hasKeywordSeparator(row.label)) return `${KEYWORD_SEPARATOR_MESSAGE}.`;
  if (splitList(row.aliases).some(hasKeywordSeparator)) return `${ALIAS_SEPARATOR_MESSAGE}.`;
  return null;
}

/** The border of a field whose value is refused. */
const INVALID = { borderColor: 'var(--bad)' } as const;

const sameLabel = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

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
  const deck = decks.find((d) => d.id === deckId);
  const levels = deck ? [...deck.levels] : [];
  const [level, setLevel] = useState(question?.level ?? levels[0] ?? 'Intermediate');
  // A level the deck does not list (the question moved decks, or the level was renamed) shows until one is chosen.
  const strayLevel = !levels.includes(level);
  if (strayLevel) levels.push(level);
  // The deck's own keywords first, then the rest of the bank's.
  const deckKeywords = useQuery(
    () => (deckId ? api.listDeckKeywords({ deckId }) : Promise.resolve([])),
    `deck-keywords-${deckId}`,
  );
  const ownKeywords = deckKeywords.data ?? [];
  const ownIds = new Set(ownKeywords.map((k) => k.id));
  const otherKeywords = keywords.filter((k) => !ownIds.has(k.id));
  const knownKeyword = (label: string) => keywords.find((k) => sameLabel(k.label, label));
  const [prompt, setPrompt] = useState(question?.prompt ?? '');
  const [answer, setAnswer] = useState(question?.answer ?? '');
  const [rows, setRows] = useState<KeywordRow[]>(() => toRows(question));
  const [tags, setTags] = useState(question?.tags.join(', ') ?? '');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const updateRow = (index: number, patch: Partial<KeywordRow>) =>
    setRows((list) => list.map((row, i) => (i === index ? { ...row, ...patch } : row)));

  const problems = rows.map(rowProblem);

  const chooseDeck = (id: number) => {
    setDeckId(id);
    // The same level in the other deck's spelling, when it has it.
    const same = decks.find((d) => d.id === id)?.levels.find((l) => sameLabel(l, level));
    if (same) setLevel(same);
  };

  const save = async () => {
    const firstProblem = problems.findIndex((p) => p !== null);
    if (firstProblem >= 0) {
      const field = hasKeywordSeparator(rows[firstProblem]!.label) ? 'keyword' : 'aliases';
      document.getElementById(`${uid}-${field}-${firstProblem}`)?.focus();
      return;
    }
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
          <select className="input" value={deckId} onChange={(e) => chooseDeck(Number(e.target.value))}>
            {decks.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </label>
        <div className="field">
          <label className="field-label" htmlFor={`${uid}-level`}>
            Level
          </label>
          <select
            id={`${uid}-level`}
            className="input"
            value={level}
            onChange={(e) => setLevel(e.target.value)}
            aria-invalid={strayLevel || undefined}
            aria-describedby={strayLevel ? `${uid}-stray-level` : undefined}
          >
            {levels.map((l) => (
              <option key={l} value={l}>
                {l}
              </option>
            ))}
          </select>
          {strayLevel && deck && (
            <span className="error-text small" id={`${uid}-stray-level`}>
              {deck.name} has no level “{level}”: choose one of its levels.
            </span>
          )}
        </div>
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
        <datalist id={`${uid}-keywords`}>
          {ownKeywords.map((k) => (
            <option key={k.id} value={k.label} />
          ))}
          {otherKeywords.map((k) => (
            <option key={k.id} value={k.label} label={`${k.label} — from other decks`} />
          ))}
        </datalist>
        <ul className="keyword-rows">
          {rows.map((row, index) => {
            const problem = problems[index];
            const labelBad = hasKeywordSeparator(row.label);
            return (
              <li key={index}>
                <div className="keyword-row">
                  <input
                    className="input"
                    id={`${uid}-keyword-${index}`}
                    list={`${uid}-keywords`}
                    aria-label={`Keyword ${index + 1}`}
                    aria-invalid={labelBad || undefined}
                    style={labelBad ? INVALID : undefined}
                    aria-describedby={labelBad ? `${uid}-problem-${index}` : undefined}
                    placeholder="Keyword"
                    value={row.label}
                    onChange={(e) => {
                      const label = e.target.value;
                      const known = knownKeyword(label);
                      const before = knownKeyword(row.label);
                      // Aliases the person has not touched follow the keyword: they are the keyword's, not the row's.
                      const untouched = !row.aliases.trim() || (before && row.aliases === before.aliases.join(', '));
                      updateRow(index, {
                        label,
                        ...(untouched && (known || before) ? { aliases: known ? known.aliases.join(', ') : '' } : {}),
                      });
                    }}
                  />
                  <input
                    className="input"
                    id={`${uid}-aliases-${index}`}
                    aria-label={`Aliases of keyword ${index + 1}`}
                    aria-invalid={(problem !== null && !labelBad) || undefined}
                    style={problem !== null && !labelBad ? INVALID : undefined}
                    aria-describedby={
                      problem !== null && !labelBad ? `${uid}-problem-${index} ${uid}-alias-hint` : `${uid}-alias-hint`
                    }
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
                </div>
                {problem && (
                  <p className="error-text small" id={`${uid}-problem-${index}`}>
                    {problem}
                  </p>
                )}
              </li>
            );
          })}
        </ul>
        {rows.every((r) => !r.label.trim()) && (
          <p className="note small" data-testid="no-keywords-note">
            No keywords yet: you can save the question, but answers to it cannot be scored until it has keywords (they
            show “no keywords to score”, and count in no keyword chart).
          </p>
        )}
        <p className="muted small" id={`${uid}-alias-hint`}>
          Aliases belong to the keyword, not to this question: they apply to every question that uses it, in every deck.
        </p>
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
