export interface LegendItem {
  label: string;
  color: string | undefined;
  dash?: string | undefined;
  width?: number;
  /** How the series is drawn: a line (default), a filled swatch (bars, areas) or a scatter marker. */
  marker?: 'line' | 'swatch' | 'circle' | 'diamond';
}

function Marker({ item }: { item: LegendItem }) {
  switch (item.marker ?? 'line') {
    case 'swatch':
      return (
        <rect x="6" y="0" width="16" height="10" fill={item.color} fillOpacity={0.8} stroke={item.color} strokeDasharray={item.dash} />
      );
    case 'circle':
      return <circle cx="14" cy="5" r="4.5" fill={item.color} />;
    case 'diamond':
      return <path d="M14 0 L19 5 L14 10 L9 5 Z" fill={item.color} />;
    case 'line':
      return <line x1="0" y1="5" x2="28" y2="5" stroke={item.color} strokeDasharray={item.dash} strokeWidth={item.width ?? 2.5} />;
  }
}

/**
 * A plain HTML legend. Used instead of recharts' <Legend>, which measures itself in the DOM after every
 * render and re-renders the whole chart when its box changes (a forced layout plus a second chart render
 * in the same task: main-thread tasks over 50 ms while training, or when a chart first appears).
 */
export function HtmlLegend({ items }: { items: LegendItem[] }) {
  return (
    <ul className="race-legend" aria-hidden="true">
      {items.map((item) => (
        <li key={item.label}>
          <svg width="28" height="10" aria-hidden="true">
            <Marker item={item} />
          </svg>
          {item.label}
        </li>
      ))}
    </ul>
  );
}
