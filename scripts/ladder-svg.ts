/**
 * `npx tsx scripts/ladder-svg.ts`: draws the stage ladder of the stages guide
 * (docs/guides/img/ladder.svg) from the default thresholds, so that the
 * picture says what the code does.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_STAGE_THRESHOLDS as T } from 'goodwill';
import { STAGE_COLORS } from 'goodwill/svg';

const days = (d: unknown): number => (d as { days: number }).days;
const W = 900;
const H = 330;
const box = { w: 130, h: 40 };
const pos: Record<string, [number, number]> = {
  connected: [20, 60],
  acquainted: [250, 60],
  engaged: [480, 60],
  trusted: [740, 60],
  cooling: [610, 230],
  dormant: [250, 230],
};
const parts: string[] = [
  `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="system-ui, sans-serif" font-size="11">`,
  '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#555555"/></marker></defs>',
  '<rect width="100%" height="100%" fill="#ffffff"/>',
  `<text x="${W / 2}" y="22" text-anchor="middle" font-size="14" font-weight="600">The stage ladder (default thresholds)</text>`,
];
const centre = (s: string): [number, number] => [pos[s]![0] + box.w / 2, pos[s]![1] + box.h / 2];
function arrow(from: string, to: string, label: string, bend = 0, dy = -6): void {
  const [x1, y1] = centre(from);
  const [x2, y2] = centre(to);
  // Start and end on the boxes' edges along the line between centres.
  const clip = (x: number, y: number, tx: number, ty: number): [number, number] => {
    const dx = tx - x;
    const dyy = ty - y;
    const s = Math.min(Math.abs(box.w / 2 / (dx || 1e-9)), Math.abs(box.h / 2 / (dyy || 1e-9)));
    return [x + dx * s, y + dyy * s];
  };
  const [sx, sy] = clip(x1, y1, x2, y2);
  const [ex, ey] = clip(x2, y2, x1, y1);
  const mx = (sx + ex) / 2 + bend;
  const my = (sy + ey) / 2 + (bend === 0 ? 0 : bend / 2);
  parts.push(
    `<path d="M${sx.toFixed(1)},${sy.toFixed(1)} Q${mx.toFixed(1)},${my.toFixed(1)} ${ex.toFixed(1)},${ey.toFixed(1)}" fill="none" stroke="#555555" marker-end="url(#arrow)"/>`,
  );
  const lines = label.split('\n');
  lines.forEach((line, i) =>
    parts.push(
      `<text x="${mx.toFixed(1)}" y="${(my + dy + i * 13 - (lines.length - 1) * 13).toFixed(1)}" text-anchor="middle" fill="#333333">${line}</text>`,
    ),
  );
}
arrow('connected', 'acquainted', 'both sides reach out');
arrow(
  'acquainted',
  'engaged',
  `≥ ${T.engagedMinInteractions} interactions, ≥ ${T.engagedMinActiveWeeks} weeks,\n≥ ${days(T.engagedMinSpan)} days, each side ≥ ${T.engagedMinEachSide}`,
);
arrow(
  'engaged',
  'trusted',
  `≥ ${days(T.trustedMinSpan)} days, ≥ ${T.trustedMinInteractions} interactions,\ngives both ways`,
);
arrow('engaged', 'cooling', `silence ≥ max(${T.coolingGapFactor} × usual gap, ${days(T.coolingMinSilence)} d)`, -40, 0);
arrow('trusted', 'cooling', '', 0, 0);
arrow('cooling', 'dormant', `silence ≥ max(${T.dormantGapFactor} × usual gap, ${days(T.dormantMinSilence)} d)`, 0, -6);
arrow('acquainted', 'dormant', 'silence ≥ max(8 × gap, 90 d)', -60, 0);
arrow('cooling', 'engaged', 'contact resumes', 60, 0);
arrow('dormant', 'acquainted', 'contact resumes', 60, 0);
for (const [stage, [x, y]] of Object.entries(pos)) {
  const color = STAGE_COLORS[stage as keyof typeof STAGE_COLORS];
  parts.push(
    `<rect x="${x}" y="${y}" width="${box.w}" height="${box.h}" rx="8" fill="${color}" fill-opacity="0.25" stroke="${color}"/>`,
  );
  parts.push(
    `<text x="${x + box.w / 2}" y="${y + box.h / 2 + 4}" text-anchor="middle" font-size="13" font-weight="600">${stage}</text>`,
  );
}
parts.push(
  `<text x="${W / 2}" y="${H - 12}" text-anchor="middle" fill="#888888">A manual strength override sets the rung; silence still cools a tie and makes it go cold. Every number is an option in \`thresholds\`.</text>`,
  '</svg>',
);
const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'guides', 'img', 'ladder.svg');
writeFileSync(out, parts.join('\n') + '\n');
console.log(`wrote ${out}`);
