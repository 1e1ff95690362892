/** One schedule's point on the frontier. */
export interface FrontierPoint {
  name: string;
  callsPerWait: number;
  p95LagSeconds: number;
  /** Drawn filled and labelled in bold: the project's own schedules. */
  ours: boolean;
}

const WIDTH = 760;
const HEIGHT = 480;
const MARGIN = { left: 70, right: 30, top: 40, bottom: 60 };

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * An SVG scatter of calls per wait (x) against p95 lag (y, log scale: Smithy's defaults lag ten times
 * more than the rest), one labelled point per schedule. Lower left is better.
 */
export function frontierSvg(points: readonly FrontierPoint[], caption: string): string {
  const xMax = Math.ceil(Math.max(...points.map((p) => p.callsPerWait)) / 5) * 5 + 5;
  const yMin = 1;
  const yMax = 10 ** Math.ceil(Math.log10(Math.max(...points.map((p) => p.p95LagSeconds))));
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const x = (v: number): number => MARGIN.left + (v / xMax) * plotW;
  const y = (v: number): number => MARGIN.top + plotH - (Math.log10(Math.max(v, yMin) / yMin) / Math.log10(yMax / yMin)) * plotH;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="sans-serif" font-size="12">`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="white"/>`,
    `<text x="${WIDTH / 2}" y="22" text-anchor="middle" font-size="15">Polling schedules: calls per wait against p95 lag (lower left is better)</text>`,
    `<line x1="${MARGIN.left}" y1="${MARGIN.top + plotH}" x2="${MARGIN.left + plotW}" y2="${MARGIN.top + plotH}" stroke="black"/>`,
    `<line x1="${MARGIN.left}" y1="${MARGIN.top}" x2="${MARGIN.left}" y2="${MARGIN.top + plotH}" stroke="black"/>`,
  ];
  for (let v = 0; v <= xMax; v += 5) {
    parts.push(`<line x1="${x(v)}" y1="${MARGIN.top + plotH}" x2="${x(v)}" y2="${MARGIN.top + plotH + 5}" stroke="black"/>`);
    parts.push(`<text x="${x(v)}" y="${MARGIN.top + plotH + 18}" text-anchor="middle">${v}</text>`);
  }
  for (const v of [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000].filter((t) => t <= yMax)) {
    parts.push(`<line x1="${MARGIN.left - 5}" y1="${y(v)}" x2="${MARGIN.left + plotW}" y2="${y(v)}" stroke="#ddd"/>`);
    parts.push(`<text x="${MARGIN.left - 8}" y="${y(v) + 4}" text-anchor="end">${v}</text>`);
  }
  parts.push(`<text x="${MARGIN.left + plotW / 2}" y="${HEIGHT - 28}" text-anchor="middle">DescribePortfolioShareStatus calls per wait</text>`);
  parts.push(`<text x="18" y="${MARGIN.top + plotH / 2}" text-anchor="middle" transform="rotate(-90 18 ${MARGIN.top + plotH / 2})">p95 lag, seconds (log scale)</text>`);
  parts.push(`<text x="${MARGIN.left}" y="${HEIGHT - 8}" font-size="10" fill="#555">${escape(caption)}</text>`);
  points.forEach((p, i) => {
    const cx = x(p.callsPerWait);
    const cy = y(p.p95LagSeconds);
    const colour = p.ours ? '#c0392b' : '#2c3e50';
    parts.push(`<circle cx="${cx.toFixed(1)}" cy="${cy.toFixed(1)}" r="5" fill="${p.ours ? colour : 'white'}" stroke="${colour}" stroke-width="2"/>`);
    // Alternate labels above and below so close points stay readable.
    const dy = i % 2 === 0 ? -9 : 17;
    parts.push(
      `<text x="${(cx + 7).toFixed(1)}" y="${(cy + dy).toFixed(1)}" fill="${colour}"${p.ours ? ' font-weight="bold"' : ''}>${escape(p.name)} (${p.callsPerWait.toFixed(1)}, ${p.p95LagSeconds.toFixed(1)} s)</text>`,
    );
  });
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}
