export interface TrendPoint {
  day: string;
  percent: number;
}

const WIDTH = 1000;
const HEIGHT = 220;
const PAD = 36;

/** A daily percentage as a line: the SVG is one image with a summary; the numbers stay in reach as text. */
export function TrendChart({ title, points }: { title: string; points: TrendPoint[] }) {
  if (points.length < 2) return <p className="muted">Not enough history yet to draw a trend.</p>;
  const x = (index: number) => PAD + (index * (WIDTH - 2 * PAD)) / (points.length - 1);
  const y = (percent: number) => HEIGHT - PAD - (percent / 100) * (HEIGHT - 2 * PAD);
  const line = points.map((p, i) => `${x(i).toFixed(1)},${y(p.percent).toFixed(1)}`).join(' ');
  const first = points[0];
  const last = points[points.length - 1];
  const summary = `${title}: ${first.percent.toFixed(1)}% on ${first.day}, ${last.percent.toFixed(1)}% on ${last.day}`;
  return (
    <figure className="trend">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={summary}>
        {[0, 50, 100].map((level) => (
          <g key={level}>
            <line x1={PAD} x2={WIDTH - PAD} y1={y(level)} y2={y(level)} className="trend-grid" />
            <text x={PAD - 6} y={y(level) + 4} textAnchor="end" className="trend-axis">
              {level}
            </text>
          </g>
        ))}
        <polyline points={line} className="trend-line" />
        <circle cx={x(points.length - 1)} cy={y(last.percent)} r={4} className="trend-dot" />
      </svg>
      <figcaption className="small muted">{summary}</figcaption>
    </figure>
  );
}
