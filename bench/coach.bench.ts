/**
 * The coach for one person with 500 ties (each with ~24 interactions over two
 * years, mixed kinds; each contact also tied to two others): owed replies,
 * ask readiness for every tie, a weekly plan with N = 10, people worth
 * meeting, a digest of the week — each against one personHealth call (issue #23: each under 10 ms).
 */
import { DirectedGraph } from 'graphology';
import { personHealth, prepareNetwork } from 'goodwill';
import { askReadiness, personAskReadiness, digest, owedReplies, peopleWorthMeeting, weeklyPlan } from 'goodwill/coach';
import { createRandom } from '../src/fixtures/random.js';
import { keep, measure, ms, table } from './harness.js';

const DAY = 86_400_000;
const KINDS = ['message', 'message', 'message', 'call', 'meeting', 'help', 'request', 'pitch'];

export default function run(): void {
  const ties = 500;
  const random = createRandom(23);
  const now = Date.UTC(2025, 5, 30);
  const g = new DirectedGraph();
  g.addNode('me', { name: 'Me' });
  const key = (i: number) => `p${String(i).padStart(4, '0')}`;
  for (let i = 0; i < ties; i++) g.addNode(key(i), { name: `Person ${i}` });
  const log = (a: string, b: string, at: number, kind: string) => {
    const e = g.edge(a, b) ?? g.addEdge(a, b, { interactions: [] });
    (g.getEdgeAttribute(e, 'interactions') as object[]).push({ at, kind });
  };
  for (let i = 0; i < ties; i++) {
    const n = 4 + random.int(40);
    for (let j = 0; j < n; j++) {
      const [a, b] = random.next() < 0.5 ? ['me', key(i)] : [key(i), 'me'];
      log(a, b, now - random.int(730) * DAY - random.int(DAY), random.pick(KINDS));
    }
    for (const k of [1, 7]) log(key(i), key((i + k) % ties), now - random.int(365) * DAY, 'message');
  }
  const others = g.neighbors('me');
  const ego = measure(() => keep(personHealth(g, 'me', { now })), { minRuns: 5 });
  const rows = [
    { what: 'personHealth(me)', run: () => personHealth(g, 'me', { now }) },
    { what: 'owedReplies(me)', run: () => owedReplies(g, 'me', { now }) },
    {
      what: `askReadiness for all ${others.length} ties`,
      run: () => others.map((o) => askReadiness(g, 'me', o, { now })),
    },
    { what: 'personAskReadiness(me): every tie at once', run: () => personAskReadiness(g, 'me', { now }) },
    { what: 'weeklyPlan(me, touches 10)', run: () => weeklyPlan(g, 'me', { now, touches: 10 }) },
    { what: 'peopleWorthMeeting(me)', run: () => peopleWorthMeeting(g, 'me', { now }) },
    { what: 'digest(me, one week)', run: () => digest(g, 'me', { from: now - 7 * DAY, to: now }) },
    // A page on a network prepared once: the read is shared, each question assesses the ties afresh
    // (a new prepared network each run, so no question finds the ties another one kept).
    { what: 'prepareNetwork(graph) alone', run: () => prepareNetwork(g) },
    {
      what: 'prepareNetwork + owedReplies + personAskReadiness + weeklyPlan',
      run: () => {
        const network = prepareNetwork(g);
        return [
          owedReplies(network, 'me', { now }),
          personAskReadiness(network, 'me', { now }),
          weeklyPlan(network, 'me', { now, touches: 10 }),
        ];
      },
    },
  ].map(({ what, run: fn }) => {
    const m = measure(() => keep(fn()), { minRuns: 5 });
    return { what, median: ms(m.median), ratio: (m.median / ego.median).toFixed(2) };
  });
  table(`The coach for one person with ${ties} ties (${g.size} directed edges); ratio to one personHealth call`, rows);
}
