import { useState } from 'react';
import type { DeckSummary } from '../../../../shared/types';
import type { ExportFormat, FileResult } from '../../../../shared/transfer';
import { api, isBrowserMode } from '../../api';
import { plural } from '../../lib/format';
import { RadioGroup, type RadioOption } from '../RadioGroup';
import { deliverFile } from './files';
import '../../styles/transfer.css';

const FORMATS: Array<RadioOption<ExportFormat>> = [
  {
    value: 'markdown',
    label: 'Markdown',
    hint: 'Prepdeck’s own deck format: readable, and editable in any text editor.',
  },
  { value: 'json', label: 'JSON', hint: 'Prepdeck JSON (versioned): for scripts and other tools.' },
  {
    value: 'csv',
    label: 'CSV (Anki)',
    hint: 'Opens in spreadsheets; Anki imports it as one note per question, with its tags and level.',
  },
];

/** A deck as a file, and the answer history as CSV: downloads in browser mode, the save dialog in the desktop app. */
export function ExportPanel({ decks }: { decks: DeckSummary[] }) {
  const [deckId, setDeckId] = useState<number | null>(decks[0]?.id ?? null);
  const [format, setFormat] = useState<ExportFormat>('markdown');
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [working, setWorking] = useState(false);
  const selected = decks.find((d) => d.id === deckId) ?? decks[0] ?? null;

  const run = async (produce: () => Promise<FileResult>) => {
    setWorking(true);
    setMessage(null);
    try {
      const text = deliverFile(await produce());
      if (text) setMessage({ text, error: false });
    } catch (e) {
      setMessage({ text: (e as Error).message, error: true });
    } finally {
      setWorking(false);
    }
  };

  const verb = isBrowserMode ? 'Download' : 'Save';
  return (
    <section className="card" aria-labelledby="export-title">
      <h2 id="export-title">Export</h2>
      <div className="export-grid">
        <div className="export-block">
          <h3>A deck</h3>
          <div className="export-row">
            <label className="field">
              <span className="field-label">Deck</span>
              <select
                className="input"
                value={selected?.id ?? ''}
                onChange={(e) => setDeckId(Number(e.target.value))}
                disabled={decks.length === 0}
              >
                {decks.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.name} ({plural(d.questionCount, 'question')})
                  </option>
                ))}
              </select>
            </label>
            <div className="field">
              <span className="field-label" id="export-format-label">
                Format
              </span>
              <RadioGroup labelledBy="export-format-label" value={format} options={FORMATS} onChange={setFormat} />
            </div>
          </div>
          <div>
            <button
              type="button"
              className="button"
              disabled={!selected || working}
              onClick={() => selected && void run(() => api.exportDeck({ deckId: selected.id, format }))}
            >
              {verb} {selected ? `“${selected.name}”` : 'deck'}
            </button>
          </div>
        </div>
        <div className="export-block">
          <h3>Your answers</h3>
          <p className="muted small">
            Every answer you have given, one row each: date, deck, question, level, time allowed and used, your grade,
            the keyword score, and the keywords you named and missed.
          </p>
          <div>
            <button
              type="button"
              className="button"
              disabled={working}
              onClick={() => void run(() => api.exportHistory())}
            >
              Export history (CSV)
            </button>
          </div>
        </div>
      </div>
      {message && (
        <p className={message.error ? 'error-text' : 'transfer-done'} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
    </section>
  );
}
