import { useState } from 'react';
import type { SessionConfig } from '../../../shared/session-types';
import { api } from '../api';
import { Presets } from '../components/practice/Presets';
import { SessionForm } from '../components/practice/SessionForm';
import { ResumeBanner } from '../components/ResumeBanner';
import { ErrorNote, Loading } from '../components/States';
import { useQuery } from '../hooks/useQuery';
import { startPractice } from '../lib/practice';

export function PracticePage() {
  const overview = useQuery(() => api.libraryOverview(), 'overview');
  const setup = useQuery(() => api.getSessionSetup(), 'setup');
  const [presetError, setPresetError] = useState<string | null>(null);
  if (overview.error) return <ErrorNote error={overview.error} onRetry={overview.reload} />;
  if (setup.error) return <ErrorNote error={setup.error} onRetry={setup.reload} />;
  if (!overview.data || !setup.data) return <Loading />;
  const startPreset = (choice: Partial<SessionConfig>) =>
    void startPractice(choice).catch((e: Error) => setPresetError(e.message));

  return (
    <div className="page">
      <header className="page-head">
        <div>
          <h1>Practice</h1>
          <p className="lead">A timed mock interview: one question at a time, against the clock.</p>
        </div>
      </header>
      <ResumeBanner />
      <Presets setup={setup.data} levels={overview.data.levels.map((l) => l.level)} onStart={startPreset} />
      {presetError && <p className="error-text">{presetError}</p>}
      <SessionForm overview={overview.data} initial={setup.data.defaults} />
    </div>
  );
}
