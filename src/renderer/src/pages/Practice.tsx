import { Presets } from '../components/practice/Presets';
import { SessionForm } from '../components/practice/SessionForm';
import { ResumeBanner } from '../components/ResumeBanner';
import { ErrorNote, Loading } from '../components/States';
import { useApiQuery } from '../data/hooks';
import { useStartPractice } from '../lib/practice';

export function PracticePage() {
  const overview = useApiQuery('libraryOverview');
  const setup = useApiQuery('getSessionSetup');
  const preset = useStartPractice();
  if (overview.error) return <ErrorNote error={overview.error} onRetry={() => void overview.refetch()} />;
  if (setup.error) return <ErrorNote error={setup.error} onRetry={() => void setup.refetch()} />;
  if (!overview.data || !setup.data) return <Loading />;

  return (
    <div className="page">
      <header className="page-head">
        <div>
          <h1>Practice</h1>
          <p className="lead">A timed mock interview: one question at a time, against the clock.</p>
        </div>
      </header>
      <ResumeBanner />
      <Presets setup={setup.data} levels={overview.data.levels.map((l) => l.level)} onStart={preset.mutate} />
      {preset.error && <p className="error-text">{preset.error.message}</p>}
      <SessionForm overview={overview.data} initial={setup.data.defaults} />
    </div>
  );
}
