import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { startingProgress, type JobStage } from '../../../shared/transfer';
import { estimateMsLeft } from '../lib/time-left';
import { JobProgress, Progress } from './Progress';

/** A running restore as useJob holds it, at `stage`, `done` of `total`. */
function restoring(stage: JobStage, done: number, total: number): string {
  const progress = startingProgress('00000000-0000-0000-0000-000000000000', 'backup.sqlite', { done, total, stage });
  const job = { job: { progress, msLeft: null, cancelling: false }, run: async () => null, cancel: async () => {} };
  return renderToStaticMarkup(<JobProgress job={job} label="Restoring" unit="rows" />);
}

describe('the progress bar', () => {
  it('is a progressbar with its values, labelled by what is happening, with rows of total and Cancel', () => {
    const html = renderToStaticMarkup(
      <Progress
        label="Exporting your answers"
        done={2500}
        total={100000}
        unit="rows"
        msLeft={39_000}
        onCancel={() => {}}
      />,
    );
    expect(html).toMatch(/<span id="([^"]+)">Exporting your answers<\/span>/);
    const id = /id="([^"]+)"/.exec(html)![1];
    expect(html).toContain(
      `role="progressbar" aria-labelledby="${id}" aria-valuemin="0" aria-valuemax="100000" aria-valuenow="2500" aria-valuetext="2,500 of 100,000 rows, about 39 s left"`,
    );
    expect(html).toContain('style="width:2.5%"');
    expect(html).toContain('>Cancel</button>');
  });

  it('says it is starting before the total is known, shows bytes in MB, and has no Cancel when it cannot cancel', () => {
    const starting = renderToStaticMarkup(<Progress label="Copying" done={0} total={0} unit="bytes" />);
    // Indeterminate: the words, and no value that would read as "0 per cent".
    expect(starting).toContain('aria-valuemin="0" aria-valuetext="Starting…"');
    expect(starting).not.toMatch(/aria-valuenow|aria-valuemax/);
    const html = renderToStaticMarkup(
      <Progress label="Copying" done={3 * 1024 * 1024} total={12 * 1024 * 1024} unit="bytes" msLeft={150_000} />,
    );
    expect(html).toContain('aria-valuetext="3.0 MB of 12.0 MB, about 3 min left"');
    expect(html).not.toContain('<button');
  });
});

describe('a job in stages', () => {
  it('names its stage, counts it in its own unit, says when it cannot count, and drops Cancel past the point of no return', () => {
    const swapping = restoring({ label: 'Replacing your data', unit: 'rows', cancellable: true }, 40_000, 639_158);
    expect(swapping).toContain('>Restoring: Replacing your data</span>');
    expect(swapping).toContain('aria-valuetext="40,000 of 639,158 rows"');
    expect(swapping).toContain('>Cancel</button>');
    const reading = restoring(
      { label: 'Reading the backup', unit: 'bytes', cancellable: true },
      1024 * 1024,
      4 * 1024 * 1024,
    );
    expect(reading).toContain('aria-valuetext="1.0 MB of 4.0 MB"');
    const checking = restoring({ label: 'Checking the backup', unit: null, cancellable: true }, 0, 0);
    expect(checking).toContain('aria-valuemin="0" aria-valuetext="Working…"');
    expect(checking).not.toMatch(/aria-valuenow|aria-valuemax/);
    const finishing = restoring(
      { label: 'Finishing (it can no longer be cancelled)', unit: null, cancellable: false },
      0,
      0,
    );
    expect(finishing).toContain('>Restoring: Finishing (it can no longer be cancelled)</span>');
    expect(finishing).not.toContain('<button');
  });
});

describe('the time left', () => {
  it('is known after a second of progress, at the rate measured since the first sample', () => {
    const first = { at: 10_000, done: 1000 };
    expect(estimateMsLeft(null, 11_000, 2000, 10_000)).toBeNull();
    expect(estimateMsLeft(first, 10_500, 2000, 10_000)).toBeNull();
    // 1,000 rows a second; 8,000 to go.
    expect(estimateMsLeft(first, 11_000, 2000, 10_000)).toBe(8000);
    expect(estimateMsLeft(first, 12_000, 1000, 10_000)).toBeNull();
    expect(estimateMsLeft(first, 12_000, 10_000, 10_000)).toBeNull();
  });
});
