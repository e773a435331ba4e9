import { useState } from 'react';
import { keepPreviousData } from '@tanstack/react-query';
import clsx from 'clsx';
import type { SessionConfig } from '../../../../shared/session-types';
import type { LibraryOverview } from '../../../../shared/types';
import { useApiQuery } from '../../data/hooks';
import { useStartPractice } from '../../lib/practice';
import { KeywordPicker } from '../KeywordPicker';
import { LevelToggles } from '../LevelToggles';
import { RadioGroup, type RadioOption } from '../RadioGroup';
import { DeckChecks } from './DeckChecks';
import { MODES, ON_TIMEOUT, ORDERS } from './options';
import { SessionSummary } from './SessionSummary';
import { TimeFields } from './TimeFields';
import styles from './Practice.module.css';

/** A custom session: which questions, how many, in what order, how long each; its summary and Start. */
export function SessionForm({ overview, initial }: { overview: LibraryOverview; initial: SessionConfig }) {
  const [config, setConfig] = useState<SessionConfig>(initial);
  const set = (patch: Partial<SessionConfig>) => setConfig((c) => ({ ...c, ...patch }));
  // Only the choices of questions change the plan; the last plan stays on screen while the next loads.
  const { deckIds, levels, keywordIds, questionIds, count, order } = config;
  const preview = useApiQuery(
    'previewSession',
    { deckIds, levels, keywordIds, questionIds, count, order },
    { placeholderData: keepPreviousData },
  );
  const start = useStartPractice();

  return (
    <div className={styles.setupGrid}>
      <section className={clsx('card', styles.setupForm)} aria-label="Custom session">
        <h2>Build your own</h2>
        <DeckChecks decks={overview.decks} selected={config.deckIds} onChange={(deckIds) => set({ deckIds })} />

        <div className={styles.formRow}>
          <span className="field-label" id="levels-label">
            Levels <span className="muted normal">(none chosen = all)</span>
          </span>
          <LevelToggles
            levels={overview.levels}
            selected={config.levels}
            onChange={(levels) => set({ levels })}
            row
            labelledBy="levels-label"
          />
        </div>

        <div className={styles.formRow}>
          <span className="field-label">Keywords</span>
          <KeywordPicker
            keywords={overview.keywords}
            selected={config.keywordIds}
            onChange={(ids) => set({ keywordIds: ids })}
            compact
          />
        </div>

        <div className={clsx('form-cols', styles.formColsCount)}>
          <label className="field">
            <span className="field-label">Questions</span>
            <input
              className="input"
              type="number"
              min={1}
              max={200}
              value={config.count}
              onChange={(e) => set({ count: Math.max(1, Math.min(200, Number(e.target.value) || 1)) })}
            />
          </label>
          <Choice
            id="order-label"
            label="Order"
            value={config.order}
            options={ORDERS}
            onChange={(order) => set({ order })}
          />
        </div>

        <TimeFields
          levels={overview.levels.map((l) => l.level)}
          times={config.timePerLevel}
          defaultSeconds={config.defaultSeconds}
          onChange={(timePerLevel) => set({ timePerLevel })}
        />

        <div className="form-cols">
          <Choice
            id="mode-label"
            label="Answer mode"
            value={config.mode}
            options={MODES}
            onChange={(mode) => set({ mode })}
          />
          <Choice
            id="timeout-label"
            label="When time runs out"
            value={config.onTimeout}
            options={ON_TIMEOUT}
            onChange={(onTimeout) => set({ onTimeout })}
          />
        </div>

        <SessionLimits config={config} set={set} />
      </section>

      <SessionSummary
        config={config}
        preview={preview.data}
        previewError={preview.error}
        startError={start.error}
        starting={start.isPending}
        onStart={() => start.mutate(config)}
      />
    </div>
  );
}

/** A field of the form whose control is a radio group, named by its visible label. */
function Choice<T extends string>({
  id,
  label,
  value,
  options,
  onChange,
}: {
  id: string;
  label: string;
  value: T;
  options: ReadonlyArray<RadioOption<T>>;
  onChange: (value: T) => void;
}) {
  return (
    <div className="field">
      <span className="field-label" id={id}>
        {label}
      </span>
      <RadioGroup labelledBy={id} value={value} options={options} onChange={onChange} />
    </div>
  );
}

/** A cap on the whole session's time, and Strict (no pausing). */
function SessionLimits({ config, set }: { config: SessionConfig; set: (patch: Partial<SessionConfig>) => void }) {
  return (
    <div className="form-cols">
      <label className="field">
        <span className="field-label">Cap on the whole session (minutes, optional)</span>
        <input
          className="input"
          type="number"
          min={1}
          max={600}
          placeholder="No cap"
          value={config.sessionCapMinutes ?? ''}
          onChange={(e) =>
            set({ sessionCapMinutes: e.target.value ? Math.max(1, Math.min(600, Number(e.target.value))) : null })
          }
        />
      </label>
      <label className={clsx('check', styles.checkBlock)}>
        <input type="checkbox" checked={config.strict} onChange={(e) => set({ strict: e.target.checked })} />
        <span>
          <strong>Strict</strong>
          <span className="muted small"> — no pausing, as in a real interview</span>
        </span>
      </label>
    </div>
  );
}
