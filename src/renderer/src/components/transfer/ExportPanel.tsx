import { useState } from 'react';
import type { DeckSummary } from '../../../../shared/types';
import type { ExportFormat } from '../../../../shared/transfer';
import { api, downloadAddress, isBrowserMode } from '../../api';
import { useBytes } from '../../hooks/useBytes';
import { useJob } from '../../hooks/useJob';
import { JobProgress, Progress } from '../Progress';
import { plural } from '../../lib/format';
import { RadioGroup, type RadioOption } from '../RadioGroup';
import { downloadFrom } from './files';
import { useAction } from './useAction';
import styles from './Transfer.module.css';

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
  const { run: act, working, message } = useAction();
  const selected = decks.find((d) => d.id === deckId) ?? decks[0] ?? null;
  const history = useJob();
  const deck = useJob();
  const bytes = useBytes();

  /**
   * A deck or the history can be long: written off the answering thread, with its progress on screen and Cancel;
   * then saved where the person chose (desktop) or downloaded, its bytes followed (browser mode).
   */
  const exportAs = (job: ReturnType<typeof useJob>, start: () => Promise<{ jobId: string } | null>) =>
    act(async () => {
      const end = await job.run(start);
      if (!end) return null;
      if (end.state === 'cancelled') return 'Export cancelled: no file was written.';
      if (end.state === 'failed') throw new Error(end.error ?? 'The export failed.');
      if (end.download) {
        downloadFrom(downloadAddress(end.download), end.fileName);
        void bytes.follow(end.fileName, end.download);
        return `Downloaded ${end.fileName}.`;
      }
      return `Saved ${end.fileName} (${end.path ?? ''}).`;
    });

  const verb = isBrowserMode ? 'Download' : 'Save';
  return (
    <section className="card" aria-labelledby="export-title">
      <h2 id="export-title">Export</h2>
      <div className={styles.exportGrid}>
        <div className={styles.exportBlock}>
          <h3>A deck</h3>
          <div className={styles.exportRow}>
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
              onClick={() => selected && exportAs(deck, () => api.startDeckExport({ deckId: selected.id, format }))}
            >
              {verb} {selected ? `“${selected.name}”` : 'deck'}
            </button>
          </div>
          <JobProgress job={deck} label="Exporting the deck" unit="questions" />
        </div>
        <div className={styles.exportBlock}>
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
              onClick={() => exportAs(history, () => api.startHistoryExport())}
            >
              Export history (CSV)
            </button>
          </div>
          <JobProgress job={history} label="Exporting your answers" unit="rows" />
          {bytes.moving && <Progress {...bytes.moving} unit="bytes" />}
        </div>
      </div>
      {message && (
        <p className={message.error ? 'error-text' : styles.transferDone} role={message.error ? 'alert' : 'status'}>
          {message.text}
        </p>
      )}
    </section>
  );
}
