import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { estimateMsLeft } from '../lib/time-left';
import { Progress } from './Progress';

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
    expect(renderToStaticMarkup(<Progress label="Copying" done={0} total={0} unit="bytes" />)).toContain(
      'aria-valuemax="1" aria-valuenow="0" aria-valuetext="Starting…"',
    );
    const html = renderToStaticMarkup(
      <Progress label="Copying" done={3 * 1024 * 1024} total={12 * 1024 * 1024} unit="bytes" msLeft={150_000} />,
    );
    expect(html).toContain('aria-valuetext="3.0 MB of 12.0 MB, about 3 min left"');
    expect(html).not.toContain('<button');
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
