import { useState } from 'react';
import { api } from '../api';
import { LevelBadge } from '../components/LevelBadge';
import { ErrorNote, Loading } from '../components/States';
import { keepPreviousData } from '@tanstack/react-query';
import { useApiQuery } from '../data/hooks';
import type { QuestionSort, StatsFilter } from '../../../shared/stats-types';
import { ChartCard } from './ChartCard';
import { localDateTime } from '../../../shared/spreadsheet';
import { downloadCsv } from './exporting';
import { grade, num } from './format';
import { GradeChip } from '../components/grade/GradeChip';
import clsx from 'clsx';
import styles from './QuestionTable.module.css';

const PAGE = 25;
// Built once, not per row: toLocaleDateString builds a new formatter on every call.
const dateOnly = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const timeOnly = new Intl.DateTimeFormat(undefined, { timeStyle: 'short' });

const COLUMNS: Array<{ sort: QuestionSort; label: string; numeric?: boolean; firstDir: 'asc' | 'desc' }> = [
  { sort: 'prompt', label: 'Question', firstDir: 'asc' },
  { sort: 'level', label: 'Level', firstDir: 'asc' },
  { sort: 'attempts', label: 'Attempts', numeric: true, firstDir: 'desc' },
  { sort: 'lastGrade', label: 'Last grade', firstDir: 'asc' },
  { sort: 'bestGrade', label: 'Best grade', firstDir: 'asc' },
  { sort: 'meanGrade', label: 'Mean grade', numeric: true, firstDir: 'asc' },
  { sort: 'meanTime', label: 'Mean time', numeric: true, firstDir: 'desc' },
  { sort: 'lastPractised', label: 'Last practised', firstDir: 'desc' },
];

const gradePill = (g: number | null) => (g === null ? <span className="muted">—</span> : <GradeChip grade={g} />);

/** Every question of the view, in the table's order, fetched 100 at a time, as one CSV file. */
async function downloadAllQuestions(
  filter: StatsFilter,
  sort: { by: QuestionSort; dir: 'asc' | 'desc' },
): Promise<void> {
  const rows = [];
  for (let offset = 0; ; offset += 100) {
    const chunk = await api.getQuestionStats({ ...filter, sort: sort.by, dir: sort.dir, offset, limit: 100 });
    rows.push(...chunk.items);
    if (rows.length >= chunk.total || chunk.items.length === 0) break;
  }
  downloadCsv(
    {
      columns: [
        'Question',
        'Deck',
        'Level',
        'Attempts',
        'Graded',
        'Last grade',
        'Best grade',
        'Mean grade',
        'Mean time (s)',
        'Last practised',
      ],
      rows: rows.map((q) => [
        q.prompt,
        q.deckName,
        q.level,
        q.attempts,
        q.graded,
        q.lastGrade,
        q.bestGrade,
        q.meanGrade,
        q.meanTimeMs / 1000,
        localDateTime(q.lastPractisedAt),
      ]),
    },
    'prepdeck-questions.csv',
  );
}

/** Every question practised in the view, sorted and paged in main. */
export function QuestionTable({ filter, empty }: { filter: StatsFilter; empty: React.ReactNode }) {
  const [sort, setSort] = useState<{ by: QuestionSort; dir: 'asc' | 'desc' }>({ by: 'lastPractised', dir: 'desc' });
  // The page belongs to the filter it was chosen under: a new deck, level or range starts at the first page.
  const filterKey = JSON.stringify(filter);
  const [paging, setPaging] = useState({ filterKey, page: 0 });
  const page = paging.filterKey === filterKey ? paging.page : 0;
  const setPage = (next: number): void => setPaging({ filterKey, page: next });
  const input = { ...filter, sort: sort.by, dir: sort.dir, offset: page * PAGE, limit: PAGE };
  const query = useApiQuery('getQuestionStats', input, { placeholderData: keepPreviousData });
  const data = query.data;
  const toggle = (by: QuestionSort, firstDir: 'asc' | 'desc'): void => {
    setSort((s) => (s.by === by ? { by, dir: s.dir === 'asc' ? 'desc' : 'asc' } : { by, dir: firstDir }));
    setPage(0);
  };
  const exportAll = () => downloadAllQuestions(filter, sort);
  if (query.error) return <ErrorNote error={query.error} onRetry={() => void query.refetch()} />;
  if (!data) return <Loading />;
  return (
    <ChartCard
      title="Questions"
      description="Every question practised in this view. Click a column to sort."
      fileName="questions"
      wide
      png={false}
      empty={data.total === 0 ? empty : undefined}
      table={{ columns: [], rows: [] }}
      aside={
        <div className="pager">
          <span>
            {num(page * PAGE + 1)}–{num(Math.min(data.total, (page + 1) * PAGE))} of {num(data.total)} questions
          </span>
          <span>
            <button type="button" className="button button-small" onClick={() => void exportAll()}>
              Download all as CSV
            </button>{' '}
            <button
              type="button"
              className="button button-small"
              disabled={page === 0}
              onClick={() => setPage(page - 1)}
            >
              Previous
            </button>{' '}
            <button
              type="button"
              className="button button-small"
              disabled={(page + 1) * PAGE >= data.total}
              onClick={() => setPage(page + 1)}
            >
              Next
            </button>
          </span>
        </div>
      }
      tableOnly
    >
      <div className="table-wrap table-wrap-paged">
        <table className={clsx('data-table', styles.questionTable)} aria-label="Questions">
          <thead>
            <tr>
              {COLUMNS.map((c) => (
                <th
                  key={c.sort}
                  scope="col"
                  className={c.numeric ? 'num' : undefined}
                  aria-sort={sort.by === c.sort ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined}
                >
                  <button
                    type="button"
                    className={styles.sortButton}
                    data-active={sort.by === c.sort}
                    onClick={() => toggle(c.sort, c.firstDir)}
                  >
                    {c.label}
                    <span aria-hidden="true">{sort.by === c.sort ? (sort.dir === 'asc' ? '▲' : '▼') : ''}</span>
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {data.items.map((q) => (
              <tr key={q.questionId}>
                <th scope="row">
                  {q.prompt}
                  <div className="muted small">{q.deckName}</div>
                </th>
                <td>
                  <LevelBadge level={q.level} />
                </td>
                <td className="num">{num(q.attempts)}</td>
                <td>{gradePill(q.lastGrade)}</td>
                <td>{gradePill(q.bestGrade)}</td>
                <td className="num">{grade(q.meanGrade)}</td>
                <td className="num">{Math.round(q.meanTimeMs / 1000)} s</td>
                <td>
                  <time dateTime={new Date(q.lastPractisedAt).toISOString()}>
                    {dateOnly.format(q.lastPractisedAt)}
                    <div className="muted small">{timeOnly.format(q.lastPractisedAt)}</div>
                  </time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </ChartCard>
  );
}
