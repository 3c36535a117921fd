/**
 * A found path in the user's terms: the people's keys, each hop's
 * probability (and strength and stage), the reliability and a sentence.
 *
 * @module
 * @internal
 */
import { STAGE_OF_CODE } from '../kernel/words.js';
import type { Path } from './path.js';
import type { Network } from './network.js';
import type { IntroductionHop, IntroductionPath } from './types.js';

/** A probability as the explanations show it. */
function fmt(x: number): string {
  return x.toFixed(2);
}

/** The path `path` of `net` as the search returns it; `label` names people in the sentence. */
export function describePath(
  net: Network,
  path: Path,
  hopPenalty: number,
  label: (key: string) => string,
): IntroductionPath {
  const { keys, fw, mode } = net;
  const people = path.nodes.map((i) => keys[i]!);
  const hops: IntroductionHop[] = [];
  let reliability = 1;
  for (let i = 0; i + 1 < path.nodes.length; i++) {
    const u = path.nodes[i]!;
    const v = path.nodes[i + 1]!;
    const [rows, e] = fw.hop(u, v);
    const p = rows.probability[e]!;
    reliability *= p;
    const strength = mode.get === null ? p : null;
    hops.push({
      from: keys[u]!,
      to: keys[v]!,
      probability: p,
      strength,
      stage: rows.stage !== null ? STAGE_OF_CODE[rows.stage[e]!]! : null,
    });
  }
  const explanation = sentence(people.map(label), hops, reliability);
  return {
    from: people[0]!,
    people,
    reliability,
    cost: path.cost,
    hops,
    explanation: hopPenalty > 0 ? `${explanation} (hop penalty ${hopPenalty})` : explanation,
  };
}

/** The explanation of a path: whom to ask, and who introduces whom. */
function sentence(name: string[], hops: IntroductionHop[], reliability: number): string {
  if (name.length === 2)
    return `${name[1]} already knows ${name[0]} (${fmt(hops[0]!.probability)}): reach out directly.`;
  const chain = hops
    .slice(1)
    .map((_h, i) => `${name[i + 1]} introduces you to ${name[i + 2]} (${fmt(hops[i + 1]!.probability)})`)
    .join(', then ');
  return `Ask ${name[1]}, who trusts you (${fmt(hops[0]!.probability)}): ${chain}. Reliability ${fmt(reliability)} over ${hops.length} hops.`;
}
