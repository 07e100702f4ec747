import type { ReactNode } from 'react'
import type { HealthDay } from '../../../../shared/model/health'
import { Busy } from '../../components/messages'
import { Section } from '../../components/section'
import { formatCount, useT } from '../../i18n'
import { useHealthStore } from '../../stores/health-store'

const width = 700
const height = 170
const top = 18
const bottom = 26
const barWidth = 26

/** "2026-11-23" → "11/23", the way the seeds' screens write short dates. */
const shortDay = (day: string): string => `${Number(day.slice(5, 7))}/${Number(day.slice(8, 10))}`

/** Bars in plain SVG: two per day (runs, errors), scaled to the busiest day, each with its count on top. */
function Bars({ series }: { readonly series: readonly HealthDay[] }): ReactNode {
  const t = useT()
  const max = Math.max(1, ...series.flatMap((d) => [d.runs, d.errors]))
  const plot = height - top - bottom
  const slot = width / series.length
  const bar = (value: number, x: number, kind: 'runs' | 'errors'): ReactNode => {
    const h = value === 0 ? 0 : Math.max(2, (value / max) * plot)
    return (
      <g className={`chart-${kind}`}>
        <rect x={x} y={top + plot - h} width={barWidth} height={h} />
        <text x={x + barWidth / 2} y={top + plot - h - 4} textAnchor="middle" className="chart-value">
          {formatCount(value)}
        </text>
      </g>
    )
  }
  return (
    <svg viewBox={`0 0 ${width} ${height}`} className="runs-chart-svg" aria-hidden="true">
      <line x1={0} x2={width} y1={top + plot} y2={top + plot} className="chart-axis" />
      {series.map((d, i) => {
        const x = i * slot + slot / 2 - barWidth
        return (
          <g key={d.day} data-testid="chart-day" data-day={d.day} data-runs={d.runs} data-errors={d.errors}>
            <title>{t('dashboard.chart.day', { day: d.day, runs: d.runs, errors: d.errors })}</title>
            {bar(d.runs, x, 'runs')}
            {bar(d.errors, x + barWidth, 'errors')}
            <text x={x + barWidth} y={height - 8} textAnchor="middle" className="chart-label">
              {shortDay(d.day)}
            </text>
          </g>
        )
      })}
    </svg>
  )
}

/** Runs and errors over the last 7 days, from the history (the same counts the history screen finds). */
export function RunsChart(): ReactNode {
  const t = useT()
  const series = useHealthStore((s) => s.overview?.series ?? null)
  const error = useHealthStore((s) => s.error)
  const total = (key: 'runs' | 'errors'): string =>
    formatCount((series ?? []).reduce((n, d) => n + d[key], 0))
  return (
    <Section title={t('dashboard.chart')} testId="runs-chart">
      {series === null ? (
        error ? null : (
          <Busy label={t('app.loading')} />
        )
      ) : (
        <figure
          className="runs-chart"
          role="img"
          aria-label={t('dashboard.chart.summary', { runs: total('runs'), errors: total('errors') })}
        >
          <Bars series={series} />
          <figcaption className="chart-legend">
            <span className="legend-runs">{t('dashboard.chart.runs')}</span>
            <span className="legend-errors">{t('dashboard.chart.errors')}</span>
            <span className="muted">
              {t('dashboard.chart.summary', { runs: total('runs'), errors: total('errors') })}
            </span>
          </figcaption>
        </figure>
      )}
    </Section>
  )
}
