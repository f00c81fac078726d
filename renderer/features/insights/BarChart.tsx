import { AxisBottom, AxisLeft } from '@visx/axis';
import { Group } from '@visx/group';
import { scaleBand, scaleLinear } from '@visx/scale';
import { Bar } from '@visx/shape';
import { useId, useState } from 'react';
import { formatNumber, t } from '../../i18n/intl';

export interface Series {
  key: string;
  label: string;
}

/** One group of bars (a month, a role, a grade): a value for each series. */
export interface BarGroup {
  label: string;
  values: Record<string, number>;
}

const WIDTH = 560;
const HEIGHT = 220;
const MARGIN = { top: 18, right: 8, bottom: 44, left: 40 };
// Series are told apart by fill pattern as well as by shade, so no reader depends on colour.
const FILLS = ['url(#solid)', 'url(#stripes)', 'url(#dots)', 'url(#checks)'];

function Patterns({ prefix }: { prefix: string }) {
  return (
    <defs>
      <pattern id={`${prefix}solid`} width="6" height="6" patternUnits="userSpaceOnUse">
        <rect width="6" height="6" fill="#1f5f5b" />
      </pattern>
      <pattern id={`${prefix}stripes`} width="6" height="6" patternUnits="userSpaceOnUse">
        <rect width="6" height="6" fill="#d9ece9" />
        <path d="M0 6 L6 0" stroke="#1f5f5b" strokeWidth="2" />
      </pattern>
      <pattern id={`${prefix}dots`} width="6" height="6" patternUnits="userSpaceOnUse">
        <rect width="6" height="6" fill="#f3e3c3" />
        <circle cx="3" cy="3" r="1.6" fill="#7a4b00" />
      </pattern>
      <pattern id={`${prefix}checks`} width="8" height="8" patternUnits="userSpaceOnUse">
        <rect width="8" height="8" fill="#e7e1f2" />
        <rect width="4" height="4" fill="#4b3a78" />
        <rect x="4" y="4" width="4" height="4" fill="#4b3a78" />
      </pattern>
    </defs>
  );
}

/**
 * Grouped bars with their numbers on them, a legend that repeats each series' pattern, and
 * the same numbers as a table behind one button (the chart itself is an image to a screen
 * reader, described by its title). Sized by its viewBox, so it fits any card.
 */
export function BarChart({
  title,
  series,
  groups,
}: {
  title: string;
  series: Series[];
  groups: BarGroup[];
}) {
  const [asTable, setAsTable] = useState(false);
  const prefix = useId().replace(/:/g, '');
  const fill = (i: number) => (FILLS[i % FILLS.length] as string).replace('#', `#${prefix}`);
  const innerWidth = WIDTH - MARGIN.left - MARGIN.right;
  const innerHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const max = Math.max(1, ...groups.flatMap((g) => series.map((s) => g.values[s.key] ?? 0)));
  const x = scaleBand({ domain: groups.map((g) => g.label), range: [0, innerWidth], padding: 0.2 });
  const inner = scaleBand({
    domain: series.map((s) => s.key),
    range: [0, x.bandwidth()],
    padding: 0.08,
  });
  const y = scaleLinear({ domain: [0, max], range: [innerHeight, 0], nice: true });
  const total = groups.reduce(
    (n, g) => n + series.reduce((m, s) => m + (g.values[s.key] ?? 0), 0),
    0,
  );

  return (
    <figure className="chart">
      <figcaption className="chart-caption">
        <span>{title}</span>
        <button
          type="button"
          className="link-button small-text"
          aria-pressed={asTable}
          onClick={() => setAsTable((shown) => !shown)}
        >
          {asTable
            ? t({ defaultMessage: 'Show the chart', id: 'fZ9P2g' })
            : t({ defaultMessage: 'Show the numbers', id: 'NLpkRl' })}
        </button>
      </figcaption>
      {asTable ? (
        <table className="log-table">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col" />
              {series.map((s) => (
                <th key={s.key} scope="col">
                  {s.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {groups.map((g) => (
              <tr key={g.label}>
                <th scope="row">{g.label}</th>
                {series.map((s) => (
                  <td key={s.key}>{formatNumber(g.values[s.key] ?? 0)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <>
          <svg width="0" height="0" className="chart-patterns" aria-hidden="true">
            <Patterns prefix={prefix} />
          </svg>
          <svg
            viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
            role="img"
            aria-label={t(
              {
                defaultMessage:
                  '{title}: {total, number} in all. The numbers are in a table behind “Show the numbers”.',
                id: '6okjRW',
              },
              { title, total },
            )}
          >
            <Group left={MARGIN.left} top={MARGIN.top}>
              {groups.map((g) => (
                <Group key={g.label} left={x(g.label) ?? 0}>
                  {series.map((s, i) => {
                    const value = g.values[s.key] ?? 0;
                    const top = y(value);
                    const left = inner(s.key) ?? 0;
                    return (
                      <g key={s.key}>
                        <Bar
                          x={left}
                          y={top}
                          width={inner.bandwidth()}
                          height={innerHeight - top}
                          fill={fill(i)}
                          stroke="#1f2a30"
                          strokeWidth={value > 0 ? 0.5 : 0}
                        />
                        {value > 0 && (
                          <text
                            x={left + inner.bandwidth() / 2}
                            y={top - 3}
                            textAnchor="middle"
                            fontSize={10}
                            fill="#1f2a30"
                          >
                            {formatNumber(value)}
                          </text>
                        )}
                      </g>
                    );
                  })}
                </Group>
              ))}
              <AxisLeft
                scale={y}
                numTicks={Math.min(4, max)}
                tickFormat={(v) => (Number.isInteger(Number(v)) ? String(v) : '')}
                tickLabelProps={{ fontSize: 10, fill: '#3d4249' }}
              />
              {/* Long labels ("Family engagement coordinator") wrap within their bar's width. */}
              <AxisBottom
                top={innerHeight}
                scale={x}
                tickLabelProps={{ fontSize: 10, fill: '#3d4249', width: x.bandwidth() + 8 }}
              />
            </Group>
          </svg>
          {series.length > 1 && (
            <ul className="chart-legend small-text" aria-hidden="true">
              {series.map((s, i) => (
                <li key={s.key}>
                  <svg width="14" height="14" viewBox="0 0 14 14">
                    <rect
                      width="14"
                      height="14"
                      fill={fill(i)}
                      stroke="#1f2a30"
                      strokeWidth="0.5"
                    />
                  </svg>{' '}
                  {s.label}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </figure>
  );
}
