import {
  Bar,
  BarChart,
  CartesianGrid,
  LabelList,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
  type BaseTickContentProps,
} from 'recharts';
import type { KeywordStats } from '../../../shared/stats-types';
import { type ChartTable, ChartCard } from './ChartCard';
import { heatFill, num, pct, points } from './format';
import { SelectableTick } from './SelectableTick';
import { TooltipBox } from './Tooltip';

/** The weakest keywords as bars of hit rate; the table lists every keyword asked (the most asked first). */
export function WeakestKeywordsChart({
  stats,
  fileName,
  empty,
  onSelect,
}: {
  stats: KeywordStats;
  fileName: string;
  empty: React.ReactNode;
  onSelect: (keywordId: number, label: string) => void;
}) {
  // Until a keyword has been asked often enough to rank, show the ones asked so far, lowest hit rate first.
  const ranked = stats.weakest.length > 0;
  const shown = ranked
    ? stats.weakest
    : [...stats.keywords].sort((a, b) => a.hitRate - b.hitRate || b.asked - a.asked).slice(0, 10);
  const data = shown.map((k) => ({ label: k.label, rate: k.hitRate * 100, k }));
  const none = stats.keywords.length === 0;
  const selectLabel = (label: string): void => {
    const row = data.find((d) => d.label === label);
    if (row) onSelect(row.k.keywordId, row.k.label);
  };
  return (
    <ChartCard
      title="Weakest keywords"
      description={`How often you named each keyword when the question called for it. Keywords asked at least ${stats.minAttempts} times; trend: ${stats.trendLabel}. Click one, or its name, to see its answers.`}
      fileName={fileName}
      empty={none ? empty : undefined}
      table={{
        columns: [
          { label: 'Keyword' },
          { label: 'Asked', numeric: true, format: (v) => num(v) },
          { label: 'Named', numeric: true, format: (v) => num(v) },
          { label: 'Hit rate', numeric: true, format: (v) => pct(v, 1) },
          { label: 'Recent hit rate', numeric: true, format: (v) => pct(v, 1) },
          { label: 'Earlier hit rate', numeric: true, format: (v) => pct(v, 1) },
          { label: 'Trend', numeric: true, format: (v) => points(v) },
        ],
        rows: stats.keywords.map((k) => [k.label, k.asked, k.hits, k.hitRate, k.recentRate, k.earlierRate, k.trend]),
        onRowClick: (i) => onSelect(stats.keywords[i]!.keywordId, stats.keywords[i]!.label),
      }}
    >
      {!ranked && (
        <p className="chart-hint">
          {stats.rankableKeywords > 0
            ? `Nothing weak: every keyword asked ${stats.minAttempts} times or more was named each time.`
            : `No keyword has been asked ${stats.minAttempts} times yet, so none is ranked.`}{' '}
          These are the keywords asked so far, lowest hit rate first.
        </p>
      )}
      {data.length > 0 && (
        <ResponsiveContainer width="100%" height={Math.max(140, data.length * 30 + 50)}>
          <BarChart
            data={data}
            layout="vertical"
            margin={{ top: 4, right: 48, bottom: 22, left: 8 }}
            className="chart-clickable"
            onClick={(state) => {
              if (state.activeLabel !== undefined) selectLabel(String(state.activeLabel));
            }}
          >
            <CartesianGrid horizontal={false} />
            <XAxis
              type="number"
              domain={[0, 100]}
              ticks={[0, 25, 50, 75, 100]}
              tickFormatter={(v: number) => `${v}%`}
              label={{ value: 'Hit rate: named when asked', position: 'insideBottom', offset: -14 }}
            />
            <YAxis
              type="category"
              dataKey="label"
              width={160}
              tickLine={false}
              interval={0}
              tick={(props: BaseTickContentProps) => (
                <SelectableTick {...props} axis="y" describe={(l) => `Answers for ${l}`} onSelect={selectLabel} />
              )}
            />
            <Tooltip
              content={({ active, payload }) => {
                const row = active ? (payload?.[0]?.payload as (typeof data)[number] | undefined) : undefined;
                if (!row) return null;
                return (
                  <TooltipBox
                    title={row.k.label}
                    rows={[
                      ['Named', `${num(row.k.hits)} of ${num(row.k.asked)} (${pct(row.k.hitRate, 1)})`],
                      ['Recent', pct(row.k.recentRate, 1)],
                      ['Earlier', pct(row.k.earlierRate, 1)],
                      ['Trend', points(row.k.trend)],
                    ]}
                  />
                );
              }}
            />
            <Bar
              dataKey="rate"
              name="Hit rate"
              className="series-4"
              radius={[0, 4, 4, 0]}
              maxBarSize={18}
              minPointSize={3}
              isAnimationActive={false}
              onClick={(_, i) => onSelect(data[i]!.k.keywordId, data[i]!.k.label)}
            >
              <LabelList
                dataKey="rate"
                position="right"
                formatter={(v) => `${Math.round(Number(v))}%`}
                className="bar-label"
              />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      )}
    </ChartCard>
  );
}

/**
 * Text on a heatmap cell, chosen for contrast (4.5:1 or better) on both themes: the light theme's
 * cells stay light enough for ink except the deepest blue; the dark theme's ends are pale, its middle dark.
 */
function heatTextClass(rate: number): string {
  if (rate >= 0.95) return 'heat-value-top';
  return Math.abs(rate - 0.5) > 0.3 ? 'heat-value-end' : 'heat-value-mid';
}

/** The numbers behind the chart, as its table and CSV. */
function heatmapTable(
  { levels, keywords }: KeywordStats['heatmap'],
  byKey: Map<string, KeywordStats['heatmap']['cells'][number]>,
): ChartTable {
  return {
    columns: [
      { label: 'Level' },
      { label: 'Keyword' },
      { label: 'Asked', numeric: true, format: (v) => num(v) },
      { label: 'Named', numeric: true, format: (v) => num(v) },
      { label: 'Hit rate', numeric: true, format: (v) => pct(v, 1) },
    ],
    rows: levels.flatMap((level) =>
      keywords.flatMap((k) => {
        const c = byKey.get(`${level}|${k.keywordId}`);
        return c ? [[level, k.label, c.asked, c.hits, c.hitRate]] : [];
      }),
    ),
  };
}

export function KeywordHeatmap({
  stats,
  fileName,
  empty,
  onSelect,
}: {
  stats: KeywordStats;
  fileName: string;
  empty: React.ReactNode;
  onSelect: (level: string, keywordId: number, label: string) => void;
}) {
  const { levels, keywords, cells } = stats.heatmap;
  const byKey = new Map(cells.map((c) => [`${c.level}|${c.keywordId}`, c]));
  const cellW = 52;
  const cellH = 34;
  const left = 108;
  const top = 112;
  // The slanted labels reach about 100 px right of their column.
  const width = left + keywords.length * cellW + 104;
  const height = top + levels.length * cellH + 4;
  return (
    <ChartCard
      title="Level × keyword"
      description={`Hit rate at each level of your ${keywords.length} most asked keywords, weakest first. Click a cell for its answers.`}
      fileName={fileName}
      wide
      empty={cells.length === 0 ? empty : undefined}
      table={heatmapTable(stats.heatmap, byKey)}
      aside={
        <div className="heat-scale" aria-hidden="true">
          Never named <span className="ramp" /> Always named
          <span className="muted">· blank: not asked at that level</span>
        </div>
      }
    >
      <div className="calendar-scroll">
        <svg
          className="chart-svg"
          width={width}
          height={height}
          viewBox={`0 0 ${width} ${height}`}
          role="group"
          aria-label="Hit rate by level and keyword"
        >
          {keywords.map((k, x) => (
            <text
              key={k.keywordId}
              transform={`translate(${left + x * cellW + cellW / 2 + 4}, ${top - 8}) rotate(-40)`}
              textAnchor="start"
            >
              {k.label.length > 20 ? `${k.label.slice(0, 19)}…` : k.label}
            </text>
          ))}
          {levels.map((level, y) => (
            <g key={level}>
              <text x={left - 10} y={top + y * cellH + cellH / 2 + 4} textAnchor="end">
                {level}
              </text>
              {keywords.map((k, x) => {
                const c = byKey.get(`${level}|${k.keywordId}`);
                const px = left + x * cellW;
                const py = top + y * cellH;
                if (!c)
                  return (
                    <rect
                      key={k.keywordId}
                      className="heat-none"
                      x={px + 3}
                      y={py + 3}
                      width={cellW - 6}
                      height={cellH - 6}
                      rx={4}
                    />
                  );
                const label = `${level}, ${k.label}: named ${c.hits} of ${c.asked} (${pct(c.hitRate)})`;
                return (
                  <g key={k.keywordId}>
                    <rect
                      className="heat-cell"
                      x={px}
                      y={py}
                      width={cellW}
                      height={cellH}
                      rx={5}
                      style={{ fill: heatFill(c.hitRate) }}
                      tabIndex={0}
                      role="button"
                      aria-label={label}
                      onClick={() => onSelect(level, k.keywordId, k.label)}
                      onKeyDown={(e) => {
                        if (e.key === 'Enter' || e.key === ' ') {
                          e.preventDefault();
                          onSelect(level, k.keywordId, k.label);
                        }
                      }}
                    >
                      <title>{label}</title>
                    </rect>
                    <text
                      className={`heat-value ${heatTextClass(c.hitRate)}`}
                      x={px + cellW / 2}
                      y={py + cellH / 2 + 4}
                      textAnchor="middle"
                    >
                      {Math.round(c.hitRate * 100)}
                    </text>
                  </g>
                );
              })}
            </g>
          ))}
          <text x={left - 10} y={top - 8} textAnchor="end" className="axis-title">
            Level ╲ Keyword
          </text>
        </svg>
      </div>
    </ChartCard>
  );
}
