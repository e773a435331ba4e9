import { useState } from 'react';
import type { SessionConfig, SessionOrder } from '../../../shared/session-types';
import type { LibraryOverview } from '../../../shared/types';
import { api } from '../api';
import { KeywordPicker } from '../components/KeywordPicker';
import { LevelBadge } from '../components/LevelBadge';
import { LevelToggles } from '../components/LevelToggles';
import { ResumeBanner } from '../components/ResumeBanner';
import { RadioGroup, type RadioOption } from '../components/RadioGroup';
import { ErrorNote, Loading } from '../components/States';
import { useQuery } from '../hooks/useQuery';
import { clockText, plural } from '../lib/format';
import { startPractice } from '../lib/practice';

const ORDERS: Array<RadioOption<SessionOrder>> = [
  {
    value: 'escalating',
    label: 'Escalating',
    hint: 'Easiest level first, up to the hardest, as a real interview goes.',
  },
  { value: 'random', label: 'Random', hint: 'Any order.' },
  {
    value: 'weakest',
    label: 'Weakest first',
    hint: 'Your lowest past scores first; questions you have not seen count as weak.',
  },
  {
    value: 'due',
    label: 'Due first',
    hint: 'What spaced repetition says you are about to forget, most overdue first.',
  },
];

const MODES: Array<RadioOption<SessionConfig['mode']>> = [
  { value: 'write', label: 'Write', hint: 'Type your answer; it is scored against the keywords.' },
  { value: 'speak', label: 'Speak', hint: 'Answer aloud, then tick the keywords you said.' },
];

const ON_TIMEOUT: Array<RadioOption<SessionConfig['onTimeout']>> = [
  {
    value: 'lock',
    label: 'Lock & reveal',
    hint: 'At 0:00 your answer is locked as it stands and the model answer shown.',
  },
  {
    value: 'overtime',
    label: 'Allow overtime',
    hint: 'The clock runs on past 0:00; the extra time is recorded as overtime.',
  },
];

function SessionForm({ overview, initial }: { overview: LibraryOverview; initial: SessionConfig }) {
  const [config, setConfig] = useState<SessionConfig>(initial);
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const set = (patch: Partial<SessionConfig>) => setConfig((c) => ({ ...c, ...patch }));
  const preview = useQuery(
    () => api.previewSession(config),
    JSON.stringify([config.deckIds, config.levels, config.keywordIds, config.count]),
  );
  const levels = overview.levels.map((l) => l.level);
  const toggle = <T,>(list: T[], item: T) => (list.includes(item) ? list.filter((x) => x !== item) : [...list, item]);

  const start = async () => {
    setStarting(true);
    setError(null);
    try {
      await startPractice(config);
    } catch (e) {
      setError((e as Error).message);
      setStarting(false);
    }
  };

  const totalSeconds = preview.data
    ? preview.data.byLevel.reduce(
        (sum, l) => sum + (config.timePerLevel[l.level] ?? config.defaultSeconds) * l.count,
        0,
      ) * (preview.data.matching ? preview.data.planned / preview.data.matching : 0)
    : 0;

  return (
    <div className="setup-grid">
      <section className="card setup-form" aria-label="Custom session">
        <h2>Build your own</h2>

        <div className="form-row">
          <span className="field-label" id="decks-label">
            Decks
          </span>
          <div className="check-list" role="group" aria-labelledby="decks-label">
            {overview.decks.map((d) => (
              <label key={d.id} className="check">
                <input
                  type="checkbox"
                  checked={config.deckIds.length === 0 || config.deckIds.includes(d.id)}
                  onChange={() => {
                    const all = overview.decks.map((x) => x.id);
                    const current = config.deckIds.length === 0 ? all : config.deckIds;
                    const next = toggle(current, d.id);
                    set({ deckIds: next.length === all.length ? [] : next });
                  }}
                />
                {d.name} <span className="muted">{d.questionCount}</span>
              </label>
            ))}
          </div>
        </div>

        <div className="form-row">
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

        <div className="form-row">
          <span className="field-label">Keywords</span>
          <KeywordPicker
            keywords={overview.keywords}
            selected={config.keywordIds}
            onChange={(ids) => set({ keywordIds: ids })}
            compact
          />
        </div>

        <div className="form-cols form-cols-count">
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
          <div className="field">
            <span className="field-label" id="order-label">
              Order
            </span>
            <RadioGroup
              labelledBy="order-label"
              value={config.order}
              options={ORDERS}
              onChange={(order) => set({ order })}
            />
          </div>
        </div>

        <div className="form-row">
          <span className="field-label">Time per question (seconds)</span>
          <div className="time-grid">
            {levels.map((level) => (
              <label key={level} className="time-field">
                <LevelBadge level={level} />
                <input
                  className="input"
                  type="number"
                  min={10}
                  max={3600}
                  step={10}
                  aria-label={`Seconds for ${level} questions`}
                  value={config.timePerLevel[level] ?? config.defaultSeconds}
                  onChange={(e) =>
                    set({
                      timePerLevel: {
                        ...config.timePerLevel,
                        [level]: Math.max(10, Math.min(3600, Number(e.target.value) || 10)),
                      },
                    })
                  }
                />
              </label>
            ))}
          </div>
        </div>

        <div className="form-cols">
          <div className="field">
            <span className="field-label" id="mode-label">
              Answer mode
            </span>
            <RadioGroup
              labelledBy="mode-label"
              value={config.mode}
              options={MODES}
              onChange={(mode) => set({ mode })}
            />
          </div>
          <div className="field">
            <span className="field-label" id="timeout-label">
              When time runs out
            </span>
            <RadioGroup
              labelledBy="timeout-label"
              value={config.onTimeout}
              options={ON_TIMEOUT}
              onChange={(onTimeout) => set({ onTimeout })}
            />
          </div>
        </div>

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
          <label className="check check-block">
            <input type="checkbox" checked={config.strict} onChange={(e) => set({ strict: e.target.checked })} />
            <span>
              <strong>Strict</strong>
              <span className="muted small"> — no pausing, as in a real interview</span>
            </span>
          </label>
        </div>
      </section>

      <aside className="card setup-summary" aria-label="Session summary">
        <h2>Your session</h2>
        {preview.error && <p className="error-text">{preview.error.message}</p>}
        {preview.data && (
          <>
            <p className="summary-big" data-testid="planned">
              {plural(preview.data.planned, 'question')}
            </p>
            <p className="muted">
              {preview.data.matching < config.count && preview.data.matching > 0
                ? `Only ${plural(preview.data.matching, 'question matches', 'questions match')} your choices.`
                : `${plural(preview.data.matching, 'question matches', 'questions match')} your choices.`}
            </p>
            <ul className="summary-levels">
              {preview.data.byLevel.map((l) => (
                <li key={l.level}>
                  <LevelBadge level={l.level} /> <span className="muted">{l.count} in the pool</span>
                </li>
              ))}
            </ul>
            {preview.data.planned > 0 && (
              <p className="muted small">About {clockText(totalSeconds * 1000)} of answering time.</p>
            )}
          </>
        )}
        {error && <p className="error-text">{error}</p>}
        <button
          type="button"
          className="button button-primary button-large button-block"
          disabled={starting || !preview.data || preview.data.planned === 0}
          onClick={start}
        >
          Start session
        </button>
      </aside>
    </div>
  );
}

export function PracticePage() {
  const overview = useQuery(() => api.libraryOverview(), 'overview');
  const setup = useQuery(() => api.getSessionSetup(), 'setup');
  const [presetError, setPresetError] = useState<string | null>(null);
  if (overview.error) return <ErrorNote error={overview.error} onRetry={overview.reload} />;
  if (setup.error) return <ErrorNote error={setup.error} onRetry={setup.reload} />;
  if (!overview.data || !setup.data) return <Loading />;
  const { defaults, last, presetTimes, presetDefaultSeconds } = setup.data;
  const preset = (choice: Partial<SessionConfig>) => () =>
    startPractice(choice).catch((e: Error) => setPresetError(e.message));
  // A preset runs on its own times, shown on it; a custom session's times are remembered for the form only.
  const fixed = { timePerLevel: presetTimes, defaultSeconds: presetDefaultSeconds, remember: false };
  const levels = overview.data.levels.map((l) => l.level);
  const timesOf = (times: Record<string, number>, fallback: number) =>
    levels.map((level) => `${level} ${clockText((times[level] ?? fallback) * 1000)}`).join(' · ');

  return (
    <div className="page">
      <header className="page-head">
        <div>
          <h1>Practice</h1>
          <p className="lead">A timed mock interview: one question at a time, against the clock.</p>
        </div>
      </header>
      <ResumeBanner />
      <section aria-label="Presets" className="presets">
        <button type="button" className="preset" onClick={preset({ ...fixed, count: 5, order: 'random' })}>
          <span className="preset-title">Quick 5</span>
          <span className="muted">5 random questions from every level</span>
          <span className="muted small preset-times">{timesOf(presetTimes, presetDefaultSeconds)}</span>
        </button>
        <button type="button" className="preset" onClick={preset({ ...fixed, count: 10, order: 'escalating' })}>
          <span className="preset-title">Full mock</span>
          <span className="muted">10 questions, every level, escalating from Beginner to Scenario</span>
          <span className="muted small preset-times">{timesOf(presetTimes, presetDefaultSeconds)}</span>
        </button>
        <button type="button" className="preset" disabled={!last} onClick={last ? preset(last) : undefined}>
          <span className="preset-title">Last used</span>
          <span className="muted">
            {last ? `${plural(last.count, 'question')}, ${last.order}` : 'Your last setup will appear here'}
          </span>
          {last && <span className="muted small preset-times">{timesOf(last.timePerLevel, last.defaultSeconds)}</span>}
        </button>
      </section>
      {presetError && <p className="error-text">{presetError}</p>}
      <SessionForm overview={overview.data} initial={defaults} />
    </div>
  );
}
