/**
 * How warm and how strong each tie is, when it goes cold, Dunbar layers,
 * whom to contact this week, and a half-life fitted on the network's history.
 *
 * Run: npx tsx examples/strength.ts
 */
import { coldDate, dunbarLayers, keepInTouch, tieStrength } from 'goodwill';
import { calibrateDecay } from 'goodwill/calibrate';
import { generateNetwork } from 'goodwill/fixtures';

const quiet = process.env['GOODWILL_EXAMPLE_QUIET'] === '1';
const log = (...args: unknown[]): void => {
  if (!quiet) console.log(...args);
};

const graph = generateNetwork({ seed: 42, people: 300 });
const now = '2025-01-01';
const me = 'p0001';

// Fit the decay on the network's own history (only interactions before `now`).
const { options: fitted, report } = calibrateDecay(graph, { now });
log(
  `calibrated: half-life ${fitted.halfLife.days} days, weights '${report.candidates[0]!.preset}', back-test AUC ${report.auc?.toFixed(3) ?? `n/a (${report.reason})`} on ${report.pairs} pairs`,
);

const { layers } = dunbarLayers(graph, me, { now, ...fitted });
log(`${me}'s layers:`, layers.map((l) => `${l.size ?? 'beyond'}: ${l.ties.length}`).join(', '));
const closest = layers[0]!.ties[0]!;
const explained = tieStrength(graph, me, closest.other, { now, ...fitted });
log(
  `closest tie ${closest.name}: strength ${explained.strength.toFixed(2)} = mutuality ${explained.mutuality.toFixed(2)} × (`,
  Object.entries(explained.components)
    .map(([k, v]) => `${explained.weights[k as keyof typeof explained.weights].toFixed(2)}×${k} ${v.toFixed(2)}`)
    .join(' + '),
  ')',
);
const cold = coldDate(graph, me, closest.other, { now, ...fitted });
log(`it goes cold (dormant) on ${cold!.toISOString().slice(0, 10)} if nothing happens`);
if (!(cold!.getTime() > Date.parse(now))) process.exit(1); // the closest tie is not cold

const { contacts, reconnect } = keepInTouch(graph, me, { now, ...fitted });
for (const entry of contacts.slice(0, 5))
  log(`  contact ${entry.name} (priority ${entry.priority.toFixed(2)}): ${entry.reason}`);
for (const entry of reconnect.slice(0, 3)) log(`  reconnect with ${entry.name}: ${entry.reason}`);
if (!(explained.strength > 0 && explained.strength <= 1)) process.exit(1);
