import { formatDay } from '../lib/format';

export interface TrendPoint {
  day: string;
  percent: number;
}

const LEVELS = [100, 50, 0];

/**
 * A daily percentage as a line. The drawing stretches to any width at a fixed height, with its
 * labels in text the reader's size (a phone's screen included), and the caption states the first
 * and last figures: what the line shows, for those who cannot see it.
 */
export function TrendChart({ title, points }: { title: string; points: TrendPoint[] }) {
  if (points.length < 2) return <p className="muted">Not enough history yet to draw a trend.</p>;
  // In the drawing's own units: x runs 0 to 100 across the days, y is 100 minus the percentage.
  const x = (index: number) => (index * 100) / (points.length - 1);
  const line = points.map((p, i) => `${x(i).toFixed(2)},${(100 - p.percent).toFixed(2)}`).join(' ');
  const first = points[0];
  const last = points[points.length - 1];
  const summary =
    `${title}: ${first.percent.toFixed(1)}% on ${formatDay(first.day)}, ` +
    `${last.percent.toFixed(1)}% on ${formatDay(last.day)}`;
  return (
    <figure className="trend">
      <div className="trend-plot" aria-hidden="true">
        <ul className="trend-axis">
          {LEVELS.map((level) => (
            <li key={level}>{level}%</li>
          ))}
        </ul>
        <svg viewBox="0 0 100 100" preserveAspectRatio="none">
          {LEVELS.map((level) => (
            <line
              key={level}
              x1={0}
              x2={100}
              y1={100 - level}
              y2={100 - level}
              className="trend-grid"
              vectorEffect="non-scaling-stroke"
            />
          ))}
          <polyline points={line} className="trend-line" vectorEffect="non-scaling-stroke" />
        </svg>
        <div className="trend-days">
          <span>{formatDay(first.day)}</span>
          <span>{formatDay(last.day)}</span>
        </div>
      </div>
      <figcaption className="small muted">{summary}</figcaption>
    </figure>
  );
}
