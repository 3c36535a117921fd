#!/usr/bin/env bash
# Packs goodwill, installs the tarball into an empty project, and checks that
# `import` and `require` of goodwill and its subpaths work, with types.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
cd "$root"
tarball="$(npm pack --silent --pack-destination "$tmp" | tail -n 1)"
cd "$tmp"
npm init -y >/dev/null
# The same graphology and TypeScript versions as the project (from the npm cache or registry).
version() { node -p "require('$root/node_modules/$1/package.json').version"; }
npm install --no-audit --no-fund --ignore-scripts --loglevel=error "$tmp/$tarball" \
  "graphology@$(version graphology)" "graphology-types@$(version graphology-types)" "typescript@$(version typescript)" >/dev/null
cat > esm.mjs <<'JS'
import Graph from 'graphology';
import * as goodwill from 'goodwill';
import * as fixtures from 'goodwill/fixtures';
import { findIntroductionPaths } from 'goodwill/introductions';
import { calibrateContact } from 'goodwill/calibrate';
import { personBrokerage } from 'goodwill/brokerage';
import { summarize } from 'goodwill/explain';
import { owedReplies } from 'goodwill/coach';
import { fromColumns } from 'goodwill/columns';
import { scoreTable } from 'goodwill/duckdb';
if (typeof goodwill.GoodwillError !== 'function') throw new Error('goodwill ESM: GoodwillError missing');
if (typeof fixtures.generateNetwork !== 'function') throw new Error('goodwill/fixtures ESM: generateNetwork missing');
const g = fixtures.generateNetwork({ seed: 1, people: 60 });
const report = goodwill.networkHealth(g, { now: '2025-01-01' });
if (report.central.length === 0 || report.relationships === 0) throw new Error('goodwill ESM: networkHealth failed');
if (findIntroductionPaths(g, 'p0001', (_k, a) => a.company !== g.getNodeAttribute('p0001', 'company'), { now: '2025-01-01' }).paths.length === 0) throw new Error('goodwill/introductions ESM: no introduction');
if (calibrateContact(g, { now: '2025-01-01' }).kind !== 'contact-model') throw new Error('goodwill/calibrate ESM: no model');
if (personBrokerage(g, 'p0001').degree === 0) throw new Error('goodwill/brokerage ESM: no contacts');
if (!summarize(report).startsWith('Network on')) throw new Error('goodwill/explain ESM: no summary');
if (!Array.isArray(owedReplies(g, 'p0001', { now: '2025-01-01' }).owed)) throw new Error('goodwill/coach ESM: no owed replies');
const table = { source: ['ann', 'bob'], target: ['bob', 'ann'], at: ['2025-01-01', '2025-01-02'] };
if (goodwill.tieStrengths(fromColumns(table), { now: '2025-02-01' }).length !== 1) throw new Error('goodwill/columns ESM: no tie');
// @duckdb/node-api is an optional peer, not installed here: the entry loads without it and says so when run.
if (!(await scoreTable({ input: 'x.csv', output: 'y.parquet', now: '2025-01-01' }).catch((e) => e)).message.includes('npm install @duckdb/node-api')) throw new Error('goodwill/duckdb ESM: no advice without DuckDB');
console.log('esm ok:', Object.keys(goodwill).length, 'exports;', Object.keys(fixtures).length, 'fixtures exports');
JS
cat > cjs.cjs <<'JS'
const goodwill = require('goodwill');
const fixtures = require('goodwill/fixtures');
const { createIntroductionFinder } = require('goodwill/introductions');
const { calibrateDecay } = require('goodwill/calibrate');
const { networkBrokerage } = require('goodwill/brokerage');
const { explainChange } = require('goodwill/explain');
const { replyState } = require('goodwill/coach');
const { fromColumns } = require('goodwill/columns');
const { scoreTable } = require('goodwill/duckdb');
if (typeof goodwill.GoodwillError !== 'function') throw new Error('goodwill CJS: GoodwillError missing');
if (typeof fixtures.generateNetwork !== 'function') throw new Error('goodwill/fixtures CJS: generateNetwork missing');
const g = fixtures.generateNetwork({ seed: 1, people: 60 });
const report = goodwill.networkHealth(g, { now: '2025-01-01' });
if (report.central.length === 0 || report.relationships === 0) throw new Error('goodwill CJS: networkHealth failed');
if (typeof createIntroductionFinder(g, { now: '2025-01-01' }).find !== 'function') throw new Error('goodwill/introductions CJS: no finder');
if (typeof calibrateDecay(g, { now: '2025-01-01' }).options !== 'object') throw new Error('goodwill/calibrate CJS: no calibration');
if (Object.keys(networkBrokerage(g)).length !== g.order) throw new Error('goodwill/brokerage CJS: not everyone');
const other = g.neighbors('p0001')[0];
if (typeof explainChange(g, 'p0001', other, { from: '2024-06-01', to: '2025-01-01' }).sentence !== 'string') throw new Error('goodwill/explain CJS: no sentence');
if (typeof replyState(g, 'p0001', other, { now: '2025-01-01' }).text !== 'string') throw new Error('goodwill/coach CJS: no reply state');
// Each CommonJS entry is a bundle of its own: a network from goodwill/columns must still be one to goodwill.
const table = { source: ['ann', 'bob'], target: ['bob', 'ann'], at: ['2025-01-01', '2025-01-02'] };
if (goodwill.tieStrengths(fromColumns(table), { now: '2025-02-01' }).length !== 1) throw new Error('goodwill/columns CJS: no tie');
if (typeof scoreTable !== 'function') throw new Error('goodwill/duckdb CJS: scoreTable missing');
console.log('cjs ok:', Object.keys(goodwill).length, 'exports;', Object.keys(fixtures).length, 'fixtures exports');
JS
cat > types.ts <<'JS'
import { DirectedGraph } from 'graphology'; // the README's form for NodeNext
import { GoodwillError, tieStrength, type Interaction, type TieStrength } from 'goodwill';
import { generateNetwork } from 'goodwill/fixtures';
import { calibrateContact } from 'goodwill/calibrate';
import { findIntroductionPaths, type IntroductionResult } from 'goodwill/introductions';
import { owedReplies, type OwedReplies } from 'goodwill/coach';
const i: Interaction = { at: '2024-01-01', kind: 'message' };
const g = generateNetwork({ seed: 1, people: 20 });
const e: GoodwillError | undefined = undefined;
const s: TieStrength = tieStrength(g, 'p0001', 'p0002', { now: '2025-01-01' });
const own = new DirectedGraph();
const t = (): TieStrength => tieStrength(own, 'ann', 'bob', { now: '2025-01-01' });
const fitted: TieStrength = tieStrength(g, 'p0001', 'p0002', { now: '2025-01-01', contactModel: calibrateContact(g, { now: '2025-01-01' }) });
const intro: IntroductionResult = findIntroductionPaths(g, 'p0001', 'p0002', { now: '2025-01-01' });
const owed: OwedReplies = owedReplies(g, 'p0001', { now: '2025-01-01' });
export { i, g, e, s, t, fitted, intro, owed };
JS
cat > tsconfig.json <<'JS'
{ "compilerOptions": { "strict": true, "module": "NodeNext", "moduleResolution": "NodeNext", "noEmit": true, "skipLibCheck": false, "types": [] }, "files": ["types.ts"] }
JS
node esm.mjs
node cjs.cjs
./node_modules/.bin/tsc -p tsconfig.json
echo "types ok"
# The bin: installed as node_modules/.bin/goodwill, runs from the build (DuckDB is only needed to score).
./node_modules/.bin/goodwill --help | grep -q '^Usage: goodwill score'
echo "bin ok"
