export interface Bar {
  label: string;
  percent: number;
}

/** Horizontal percentage bars: readable as a list by screen readers, coloured by level. */
export function BarChart({ title, bars }: { title: string; bars: Bar[] }) {
  if (bars.length === 0) return <p className="muted">Nothing to chart yet.</p>;
  return (
    <figure style={{ margin: 0 }}>
      <figcaption className="visually-hidden">{title}</figcaption>
      <ul className="bar-chart" aria-label={title}>
        {bars.map((bar) => {
          const level = bar.percent < 60 ? 'low' : bar.percent < 85 ? 'mid' : '';
          return (
            <li key={bar.label}>
              <span className="bar-label" title={bar.label}>
                {bar.label}
              </span>
              <span className="bar-track" aria-hidden="true">
                <span
                  className={`bar-fill ${level}`}
                  style={{ width: `${Math.min(100, bar.percent)}%`, display: 'block' }}
                />
              </span>
              <span className="bar-value">{bar.percent.toFixed(0)}%</span>
            </li>
          );
        })}
      </ul>
    </figure>
  );
}
