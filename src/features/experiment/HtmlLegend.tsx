export interface LegendItem {
  label: string;
  color: string | undefined;
  dash?: string | undefined;
  width?: number;
}

/**
 * A plain HTML legend. Used instead of recharts' <Legend>, which measures itself in the DOM on every
 * update (a forced layout that made main-thread tasks exceed 50 ms while training).
 */
export function HtmlLegend({ items }: { items: LegendItem[] }) {
  return (
    <ul className="race-legend" aria-hidden="true">
      {items.map((item) => (
        <li key={item.label}>
          <svg width="28" height="10" aria-hidden="true">
            <line x1="0" y1="5" x2="28" y2="5" stroke={item.color} strokeDasharray={item.dash} strokeWidth={item.width ?? 2.5} />
          </svg>
          {item.label}
        </li>
      ))}
    </ul>
  );
}
