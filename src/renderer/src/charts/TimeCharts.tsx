import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ActivityStats } from '../../../shared/stats-types';
import { calendarMonths, DAY_MS } from './calendar';
import { type ChartTable, ChartCard, Legend } from './ChartCard';
import { day, gradeScore, num, pct } from './format';
import { TooltipBox } from './Tooltip';

// Built once, not per label: toLocaleDateString builds a new formatter on every call.
const monthLabel = new Intl.DateTimeFormat(undefined, { month: 'short', timeZone: 'UTC' });

/** A point of a score series: its own element and class, wherever recharts layers its dots. */
function scoreDot(className: string) {
  return function ScoreDot(props: { cx?: number | null; cy?: number | null; index?: number }) {
    const key = `${className}-${props.index ?? 0}`;
    if (typeof props.cx !== 'number' || typeof props.cy !== 'number') return <g key={key} />;
    return <circle key={key} className={`score-dot ${className}`} cx={props.cx} cy={props.cy} r={4.5} />;
  };
}

const GRANULARITY = { session: 'session', day: 'day', week: 'week', fourWeeks: '4-week' } as const;

/** The numbers behind the chart, as its table and CSV. */
function scoreTable(stats: ActivityStats): ChartTable {
  const { granularity, movingWindow, points } = stats.series;
  const unit = GRANULARITY[granularity];
  return {
    columns: [
      { label: { session: 'Session', day: 'Day', week: 'Week of', fourWeeks: '4 weeks from' }[granularity] },
      { label: 'Date' },
      { label: 'Answers', numeric: true, format: (v) => num(v) },
      { label: 'Keyword score', numeric: true, format: (v) => pct(v, 1) },
      { label: `Keyword score, ${movingWindow}-${unit} average`, numeric: true, format: (v) => pct(v, 1) },
      { label: 'Self-grade (1–4)', numeric: true, format: (v) => gradeScore(v) },
      { label: `Self-grade, ${movingWindow}-${unit} average`, numeric: true, format: (v) => gradeScore(v) },
    ],
    rows: points.map((p, i) => [
      granularity === 'session' ? `#${i + 1}` : p.date,
      p.date,
      p.attempts,
      p.keywordScore,
      p.keywordAverage,
      p.gradeScore,
      p.gradeAverage,
    ]),
  };
}

/** Score per session (or per day or week on a long history), with moving averages. */
export function ScoreChart({
  stats,
  fileName,
  empty,
}: {
  stats: ActivityStats;
  fileName: string;
  empty: React.ReactNode;
}) {
  const { granularity, movingWindow, points } = stats.series;
  const unit = GRANULARITY[granularity];
  const data = points.map((p, i) => ({
    index: i + 1,
    label:
      granularity === 'week'
        ? `Week of ${day(p.date)}`
        : granularity === 'fourWeeks'
          ? `4 weeks from ${day(p.date)}`
          : granularity === 'day'
            ? day(p.date)
            : `Session ${i + 1} · ${day(p.date)}`,
    tick: day(p.date, false),
    grade: p.gradeScore === null ? null : p.gradeScore * 100,
    keyword: p.keywordScore === null ? null : p.keywordScore * 100,
    gradeAvg: p.gradeAverage === null ? null : p.gradeAverage * 100,
    keywordAvg: p.keywordAverage === null ? null : p.keywordAverage * 100,
    p,
  }));
  return (
    <ChartCard
      title="Scores over time"
      description={`Keyword score and self-grade per ${unit}, with the average of the last ${movingWindow} ${unit}s as a line.`}
      fileName={fileName}
      empty={points.length === 0 ? empty : undefined}
      table={scoreTable(stats)}
    >
      <Legend
        items={[
          { label: 'Keywords named', className: 'series-1', shape: 'dot' },
          { label: `Keywords, ${movingWindow}-${unit} average`, className: 'series-1', shape: 'line' },
          { label: 'Self-grade', className: 'series-2', shape: 'dot' },
          { label: `Self-grade, ${movingWindow}-${unit} average`, className: 'series-2', shape: 'line' },
        ]}
      />
      <ResponsiveContainer width="100%" height={260}>
        <LineChart data={data} margin={{ top: 12, right: 16, bottom: 22, left: 8 }}>
          <CartesianGrid vertical={false} />
          <XAxis
            dataKey="tick"
            tickLine={false}
            minTickGap={24}
            label={{
              value: { session: 'Session date', day: 'Day', week: 'Week', fourWeeks: '4 weeks from' }[granularity],
              position: 'insideBottom',
              offset: -14,
            }}
          />
          <YAxis
            domain={[0, 100]}
            ticks={[0, 25, 50, 75, 100]}
            tickFormatter={(v: number) => `${v}%`}
            width={56}
            label={{ value: 'Score', angle: -90, position: 'insideLeft', offset: 4, style: { textAnchor: 'middle' } }}
          />
          <Tooltip
            content={({ active, payload }) => {
              const row = active ? (payload?.[0]?.payload as (typeof data)[number] | undefined) : undefined;
              if (!row) return null;
              return (
                <TooltipBox
                  title={row.label}
                  rows={[
                    ['Answers', num(row.p.attempts)],
                    ['Keywords named', pct(row.p.keywordScore, 1)],
                    [`…${movingWindow}-${unit} average`, pct(row.p.keywordAverage, 1)],
                    ['Self-grade', gradeScore(row.p.gradeScore)],
                    [`…${movingWindow}-${unit} average`, gradeScore(row.p.gradeAverage)],
                  ]}
                />
              );
            }}
          />
          <Line
            dataKey="keyword"
            stroke="none"
            dot={scoreDot('dot-keyword')}
            activeDot={false}
            isAnimationActive={false}
          />
          <Line dataKey="grade" stroke="none" dot={scoreDot('dot-grade')} activeDot={false} isAnimationActive={false} />
          <Line
            dataKey="keywordAvg"
            className="series-1"
            type="monotone"
            strokeWidth={2.5}
            dot={false}
            isAnimationActive={false}
            connectNulls
          />
          <Line
            dataKey="gradeAvg"
            className="series-2"
            type="monotone"
            strokeWidth={2.5}
            strokeDasharray="6 4"
            dot={false}
            isAnimationActive={false}
            connectNulls
          />
        </LineChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}

const isoDay = (iso: string): number => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
const isoOf = (n: number): string => new Date(n * DAY_MS).toISOString().slice(0, 10);

/** Answers per day as a GitHub/Anki-style calendar: weeks in columns, Monday on top. */
export function ActivityCalendar({
  stats,
  fileName,
  empty,
}: {
  stats: ActivityStats;
  fileName: string;
  empty: React.ReactNode;
}) {
  const { from, to, days } = stats.calendar;
  const counts = new Map(days.map((d) => [d.date, d.attempts]));
  const max = Math.max(1, ...days.map((d) => d.attempts));
  const first = isoDay(from);
  const last = isoDay(to);
  const windowStart = stats.window.from === null ? first : isoDay(stats.window.from);
  // Columns start on the Monday on or before `from` (day 0 was a Thursday).
  const gridStart = first - ((first + 3) % 7);
  const weeks = Math.floor((last - gridStart) / 7) + 1;
  const size = 13;
  const gap = 3;
  const left = 30;
  const top = 18;
  const width = left + weeks * (size + gap);
  const height = top + 7 * (size + gap);
  const level = (n: number): number => (n === 0 ? 0 : Math.min(4, Math.ceil((n / max) * 4)));
  const months = calendarMonths(gridStart, weeks, left, size + gap, (d) => monthLabel.format(d));
  const total = days.reduce((sum, d) => sum + d.attempts, 0);
  return (
    <ChartCard
      title="Practice calendar"
      description={`Answers per day over the last 53 weeks${stats.window.from ? `; the date range starts ${day(stats.window.from)}` : ''}.`}
      fileName={fileName}
      wide
      // Practice older than the calendar's weeks is still practice: draw the empty weeks, not "start practising".
      empty={days.length === 0 && stats.series.points.length === 0 ? empty : undefined}
      table={{
        columns: [
          { label: 'Day', format: (v) => day(v) },
          { label: 'Answers', numeric: true, format: (v) => num(v) },
        ],
        rows: days.map((d) => [d.date, d.attempts]),
      }}
      aside={
        <div className="activity-summary">
          <span>
            Current streak <strong data-testid="streak">{stats.streak}</strong> {stats.streak === 1 ? 'day' : 'days'}
            {!stats.practisedToday && stats.streak > 0 ? ' · practise today to keep it' : ''} ·{' '}
            <strong>{stats.activeDays}</strong> {stats.activeDays === 1 ? 'day' : 'days'} practised ·{' '}
            <strong>{num(total)}</strong> answers in these weeks
          </span>
          <span className="activity-legend" aria-hidden="true">
            Less
            {[0, 1, 2, 3, 4].map((l) => (
              <span key={l} className={`swatch activity-${l}`} />
            ))}
            More
          </span>
        </div>
      }
    >
      <div className="calendar-scroll">
        <svg
          className="chart-svg"
          width={width}
          height={height}
          viewBox={`0 0 ${width} ${height}`}
          role="img"
          aria-label={`Answers per day: ${days.length} days with practice`}
        >
          {months.map((m, i) => (
            <text key={i} x={m.x} y={10}>
              {m.label}
            </text>
          ))}
          {['Mon', '', 'Wed', '', 'Fri', '', ''].map((label, i) =>
            label ? (
              <text key={i} x={0} y={top + i * (size + gap) + size - 2}>
                {label}
              </text>
            ) : null,
          )}
          {Array.from({ length: weeks * 7 }, (_, i) => {
            const n = gridStart + i;
            if (n < first || n > last) return null;
            const date = isoOf(n);
            const count = counts.get(date) ?? 0;
            const outside = n < windowStart;
            return (
              <rect
                key={n}
                className={`day-cell ${outside ? 'out-of-window' : `activity-${level(count)}`}`}
                x={left + Math.floor(i / 7) * (size + gap)}
                y={top + (i % 7) * (size + gap)}
                width={size}
                height={size}
                rx={2.5}
              >
                <title>
                  {outside
                    ? `${day(date)}: outside the date range`
                    : `${day(date)}: ${count} ${count === 1 ? 'answer' : 'answers'}`}
                </title>
              </rect>
            );
          })}
        </svg>
      </div>
    </ChartCard>
  );
}
