/**
 * Writes the heavy-tailed trust network of the introductions oracle
 * (bench/heavy-tailed.ts: Chung–Lu, γ = 2.5, 20,000 people, 200,000 directed
 * ties, 60 % reciprocated, seed 14) as JSON `{ keys, u, v, p }` to the file
 * given, for scripts/oracles/introductions-heavy.py.
 *
 * Run: npx tsx scripts/oracles/heavy-tailed-edges.ts out.json
 */
import { writeFileSync } from 'node:fs';
import { heavyTailedTies } from '../../bench/heavy-tailed.js';

const { keys, u, v, p } = heavyTailedTies({ seed: 14, people: 20_000, ties: 200_000, reciprocated: 0.6, gamma: 2.5 });
writeFileSync(process.argv[2]!, JSON.stringify({ keys, u: [...u], v: [...v], p: [...p] }));
