import { bucketStart, statsWindow, type StatsWindow } from '../core/stats-windows';
import { dayStartMs, dayToIsoDate, localDay } from '../core/days';

import * as stats from '../store/stats';
import {
  MIN_KEYWORD_ATTEMPTS,
  type ActivityStats,
  type StatsRange,
  type StatsWindowInfo,
} from '../../shared/stats-types';
import type { ApiContext, Handlers } from './context';

/** More finished sessions than this in a window, and the score series is drawn per day or week instead. */
export const SESSION_POINTS_LIMIT = 200;
/** A window longer than this many days is drawn per week, and one longer than this many weeks per 4 weeks. */
export const DAY_POINTS_LIMIT = 200;
export const WEEK_POINTS_LIMIT = 200;
/** The calendar heatmap covers at most 53 weeks, ending with this one. */
export const CALENDAR_WEEKS = 53;
const MOVING_WINDOW = { session: 5, day: 7, week: 4, fourWeeks: 3 } as const;
const SPAN = { day: 1, week: 7, fourWeeks: 28 } as const;

const TREND_LABELS: Record<StatsRange, string> = {
  all: 'last 30 days against before',
  '90d': 'last 30 days against the 60 before',
  '30d': 'last 30 days against the 30 before',
  '7d': 'last 7 days against the 7 before',
};

function windowInfo(window: StatsWindow): StatsWindowInfo {
  return { from: window.from === null ? null : dayToIsoDate(window.from), to: dayToIsoDate(window.to) };
}

export function statsApi({ db, clock }: ApiContext) {
  const today = (): number => localDay(clock.now());

  return {
    getLevelStats: ({ range, ...scope }) => {
      const window = statsWindow(range, today());
      return { window: windowInfo(window), ...stats.levelStats(db, scope, window.buckets) };
    },

    getKeywordStats: ({ range, ...scope }) => {
      const window = statsWindow(range, today());
      return {
        window: windowInfo(window),
        trendLabel: TREND_LABELS[range],
        ...stats.keywordStats(db, scope, window.trendBuckets),
      };
    },

    getActivityStats: ({ range, ...scope }): ActivityStats => {
      const day = today();
      const window = statsWindow(range, day);
      const first = window.from ?? stats.firstPractisedDay(db) ?? day;
      // The calendar always draws its 53 weeks; it counts the days of the window among them.
      const calendarFrom = bucketStart(day, 7) - (CALENDAR_WEEKS - 1) * 7;
      const calendar = stats.calendar(db, scope, Math.max(window.from ?? calendarFrom, calendarFrom), day);

      const fromMs = window.from === null ? 0 : dayStartMs(window.from);
      let granularity: ActivityStats['series']['granularity'];
      let rows: stats.SeriesRow[];
      if (stats.finishedSessionsSince(db, fromMs, SESSION_POINTS_LIMIT + 1) <= SESSION_POINTS_LIMIT) {
        granularity = 'session';
        rows = stats.sessionSeries(db, scope, fromMs, MOVING_WINDOW.session);
      } else {
        const days = day - first + 1;
        const bucketed = days <= DAY_POINTS_LIMIT ? 'day' : days <= WEEK_POINTS_LIMIT * 7 ? 'week' : 'fourWeeks';
        granularity = bucketed;
        const span = SPAN[bucketed];
        rows = stats.bucketSeries(db, scope, span, bucketStart(first, span), day, MOVING_WINDOW[bucketed]);
      }
      const { streak, practisedToday } = stats.streak(db, scope, day);
      return {
        window: windowInfo(window),
        calendar: {
          from: dayToIsoDate(calendarFrom),
          to: dayToIsoDate(day),
          days: calendar.map((d) => ({ date: dayToIsoDate(d.day), attempts: d.attempts })),
        },
        streak,
        practisedToday,
        activeDays: calendar.length,
        series: {
          granularity,
          movingWindow: MOVING_WINDOW[granularity],
          points: rows.map((r) => ({
            key: r.key,
            date: dayToIsoDate(granularity === 'session' ? localDay(r.at) : r.at),
            attempts: r.attempts,
            gradeScore: r.grade,
            keywordScore: r.keyword,
            gradeAverage: r.grade_avg,
            keywordAverage: r.keyword_avg,
          })),
        },
      };
    },

    getQuestionStats: ({ range, deckIds, levels, ...page }) => {
      const window = statsWindow(range, today());
      return stats.questionStats(db, { deckIds, levels }, window.buckets, page);
    },

    getStatsAttempts: ({ range, deckIds, levels, level, keywordId, limit }) => {
      const window = statsWindow(range, today());
      return stats.statsAttempts(db, { deckIds, levels }, window.buckets, {
        level,
        keywordId,
        from: window.from,
        to: window.to,
        limit,
      });
    },

    getHomeStats: () => {
      const day = today();
      const { streak, practisedToday } = stats.streak(db, {}, day);
      return {
        sessionsThisWeek: stats.finishedSessionsSince(db, dayStartMs(bucketStart(day, 7))),
        streak,
        practisedToday,
        totalAttempts: stats.totalAttempts(db),
        weakestKeywords: stats.weakestAllTime(db, statsWindow('all', day).trendBuckets, 3),
        minAttempts: MIN_KEYWORD_ATTEMPTS,
        lastSession: stats.lastSession(db),
      };
    },
  } satisfies Partial<Handlers>;
}
