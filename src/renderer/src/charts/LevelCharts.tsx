import {
  Bar,
  BarChart,
  CartesianGrid,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
  type BaseTickContentProps,
} from 'recharts';
import type { LevelStats } from '../../../shared/stats-types';
import { type ChartTable, ChartCard, Legend } from './ChartCard';
import { grade, gradeScore, num, pct, points, seconds } from './format';
import { SelectableTick } from './SelectableTick';
import { TooltipBox } from './Tooltip';

type LevelStat = LevelStats['levels'][number];

const percentTick = (v: number): string => `${v}%`;

/** The numbers behind the chart, as its table and CSV. */
function levelTable(stats: LevelStats, onSelect: (level: string) => void): ChartTable {
  return {
    columns: [
      { label: 'Level' },
      { label: 'Answers', numeric: true, format: (v) => num(v) },
      { label: 'Mean self-grade (1–4)', numeric: true, format: (v) => grade(v) },
      { label: 'Mean keyword score', numeric: true, format: (v) => pct(v, 1) },
      { label: 'Good or Nailed', numeric: true, format: (v) => pct(v, 1) },
      { label: 'Mean time used (s)', numeric: true, format: (v) => num(v, 1) },
      { label: 'Mean time allowed (s)', numeric: true, format: (v) => num(v, 1) },
      { label: 'Timed out', numeric: true, format: (v) => num(v) },
      { label: 'Skipped', numeric: true, format: (v) => num(v) },
    ],
    rows: stats.levels.map((l) => [
      l.level,
      l.attempts,
      l.meanGrade,
      l.meanKeywordScore,
      l.goodShare,
      l.meanTimeUsedMs / 1000,
      l.meanTimeAllowedMs / 1000,
      l.timedOut,
      l.skipped,
    ]),
    onRowClick: (i) => onSelect(stats.levels[i]!.level),
  };
}

/** A level's numbers, beside the pointer. */
function LevelTooltip({ stat: l }: { stat: LevelStat | undefined }) {
  if (!l) return null;
  return (
    <TooltipBox
      title={`${l.level} · ${num(l.attempts)} answers`}
      rows={[
        ['Keywords named', pct(l.meanKeywordScore, 1)],
        ['Good or Nailed', `${pct(l.goodShare, 1)} of ${num(l.graded)} graded`],
        ['Mean self-grade', grade(l.meanGrade)],
        ['Time used', `${seconds(l.meanTimeUsedMs)} of ${seconds(l.meanTimeAllowedMs)}`],
      ]}
    />
  );
}

/** Per level: keywords named, graded Good or better, time used of time allowed. */
export function LevelChart({
  stats,
  fileName,
  empty,
  onSelect,
}: {
  stats: LevelStats;
  fileName: string;
  empty: React.ReactNode;
  onSelect: (level: string) => void;
}) {
  const data = stats.levels.map((l) => ({
    level: l.level,
    keyword: l.meanKeywordScore === null ? null : l.meanKeywordScore * 100,
    good: l.goodShare === null ? null : l.goodShare * 100,
    time: l.meanTimeAllowedMs > 0 ? (l.meanTimeUsedMs / l.meanTimeAllowedMs) * 100 : null,
    stat: l,
  }));
  const select = (_: unknown, index: number): void => onSelect(data[index]!.level);
  // A click anywhere in a level's column opens it, not only on a bar (which may be a sliver).
  const selectColumn = (state: { activeLabel?: string | number }): void => {
    if (state.activeLabel !== undefined) onSelect(String(state.activeLabel));
  };
  return (
    <ChartCard
      title="Results by level"
      description="Keywords named, answers you graded Good or Nailed, and the share of the time you used. Click a level, or its name, to see its answers."
      fileName={fileName}
      empty={stats.levels.length === 0 ? empty : undefined}
      table={levelTable(stats, onSelect)}
    >
      <Legend
        items={[
          { label: 'Keywords named', className: 'series-1' },
          { label: 'Graded Good or Nailed', className: 'series-3' },
          { label: 'Time used of allowed', className: 'series-2' },
        ]}
      />
      <ResponsiveContainer width="100%" height={260}>
        <BarChart
          data={data}
          margin={{ top: 12, right: 8, bottom: 22, left: 8 }}
          barGap={3}
          onClick={selectColumn}
          className="chart-clickable"
        >
          <CartesianGrid vertical={false} />
          <XAxis
            dataKey="level"
            tickLine={false}
            interval={0}
            tick={(props: BaseTickContentProps) => (
              <SelectableTick {...props} axis="x" describe={(l) => `Answers at ${l}`} onSelect={onSelect} />
            )}
            label={{ value: 'Level', position: 'insideBottom', offset: -14 }}
          />
          <YAxis
            domain={[0, 100]}
            ticks={[0, 25, 50, 75, 100]}
            tickFormatter={percentTick}
            width={56}
            label={{
              value: 'Per cent',
              angle: -90,
              position: 'insideLeft',
              offset: 4,
              style: { textAnchor: 'middle' },
            }}
          />
          <Tooltip
            cursor
            content={({ active, payload }) => (
              <LevelTooltip
                stat={active ? (payload?.[0]?.payload as { stat: LevelStat } | undefined)?.stat : undefined}
              />
            )}
          />
          <Bar
            dataKey="keyword"
            name="Keywords named"
            className="series-1"
            radius={[4, 4, 0, 0]}
            maxBarSize={34}
            minPointSize={2}
            isAnimationActive={false}
            onClick={select}
          />
          <Bar
            dataKey="good"
            name="Graded Good or Nailed"
            className="series-3"
            radius={[4, 4, 0, 0]}
            maxBarSize={34}
            minPointSize={2}
            isAnimationActive={false}
            onClick={select}
          />
          <Bar
            dataKey="time"
            name="Time used of allowed"
            className="series-2"
            radius={[4, 4, 0, 0]}
            maxBarSize={34}
            minPointSize={2}
            isAnimationActive={false}
            onClick={select}
          />
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}

/** Self-grade against keyword score per level, and where the two part ways. */
export function CalibrationChart({
  stats,
  fileName,
  empty,
}: {
  stats: LevelStats;
  fileName: string;
  empty: React.ReactNode;
}) {
  const data = stats.calibration.map((c) => ({
    level: c.level,
    self: c.selfScore * 100,
    keyword: c.keywordScore * 100,
    row: c,
  }));
  const notes = stats.calibration.filter((c) => c.verdict !== 'matched');
  return (
    <ChartCard
      title="Self-grade against keywords named"
      description="Self-grade on the same 0–100% scale as the keyword score (Missed 0%, Partial 33%, Good 67%, Nailed 100%), over answers that have both."
      fileName={fileName}
      empty={stats.calibration.length === 0 ? empty : undefined}
      table={{
        columns: [
          { label: 'Level' },
          { label: 'Answers with both', numeric: true, format: (v) => num(v) },
          { label: 'Self-grade score', numeric: true, format: (v) => pct(v, 1) },
          { label: 'Keyword score', numeric: true, format: (v) => pct(v, 1) },
          { label: 'Gap', numeric: true, format: (v) => points(v) },
          { label: 'Verdict' },
        ],
        rows: stats.calibration.map((c) => [
          c.level,
          c.attempts,
          c.selfScore,
          c.keywordScore,
          c.gap,
          c.verdict === 'over'
            ? 'grades above what was named'
            : c.verdict === 'under'
              ? 'grades below what was named'
              : 'in line',
        ]),
      }}
      aside={
        <ul className="calibration-notes" aria-label="Calibration findings">
          {notes.length === 0 ? (
            <li>Your self-grades match the keywords you name at every level (within 10 points).</li>
          ) : (
            notes.map((c) => (
              <li key={c.level} className={`verdict-${c.verdict}`}>
                <strong>{c.level}</strong>
                {c.verdict === 'over'
                  ? `You grade yourself ${points(c.gap).replace('+', '')} higher than the keywords you named. Check the model answers before grading.`
                  : `You grade yourself ${points(-c.gap).replace('+', '')} lower than the keywords you named: more credit is due.`}
              </li>
            ))
          )}
        </ul>
      }
    >
      <Legend
        items={[
          { label: 'Self-grade', className: 'series-2' },
          { label: 'Keywords named', className: 'series-1' },
        ]}
      />
      <ResponsiveContainer width="100%" height={230}>
        <BarChart data={data} margin={{ top: 12, right: 8, bottom: 22, left: 8 }} barGap={3}>
          <CartesianGrid vertical={false} />
          <XAxis dataKey="level" tickLine={false} label={{ value: 'Level', position: 'insideBottom', offset: -14 }} />
          <YAxis
            domain={[0, 100]}
            ticks={[0, 25, 50, 75, 100]}
            tickFormatter={percentTick}
            width={56}
            label={{ value: 'Score', angle: -90, position: 'insideLeft', offset: 4, style: { textAnchor: 'middle' } }}
          />
          <Tooltip
            content={({ active, payload }) => {
              const row = active ? (payload?.[0]?.payload as (typeof data)[number] | undefined) : undefined;
              if (!row) return null;
              return (
                <TooltipBox
                  title={`${row.level} · ${num(row.row.attempts)} answers`}
                  rows={[
                    ['Self-grade', `${pct(row.row.selfScore, 1)} (${gradeScore(row.row.selfScore)})`],
                    ['Keywords named', pct(row.row.keywordScore, 1)],
                    ['Gap', points(row.row.gap)],
                  ]}
                />
              );
            }}
          />
          <Bar
            dataKey="self"
            name="Self-grade"
            className="series-2"
            radius={[4, 4, 0, 0]}
            maxBarSize={40}
            minPointSize={2}
            isAnimationActive={false}
          />
          <Bar
            dataKey="keyword"
            name="Keywords named"
            className="series-1"
            radius={[4, 4, 0, 0]}
            maxBarSize={40}
            minPointSize={2}
            isAnimationActive={false}
          />
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
