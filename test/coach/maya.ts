/**
 * Maya's network, a dozen ties as a personal CRM would hold them, for the
 * coach's scenario test and the guide "Coaching a networker". `NOW` is
 * Monday 2025-06-30. Every date is fixed.
 */
import { DirectedGraph } from 'graphology';

export const NOW = '2025-06-30T18:00:00Z';
const DAY = 86_400_000;
const T = Date.parse('2025-06-30T09:00:00Z');
/** `d` days before NOW's morning, plus `h` hours. */
const ago = (d: number, h = 0): string => new Date(T - d * DAY + h * 3_600_000).toISOString();

export function mayaNetwork(): DirectedGraph {
  const g = new DirectedGraph();
  const people: [string, string, string][] = [
    ['me', 'Maya', 'product designer'],
    ['dana', 'Dana', 'former colleague, writes every week'],
    ['leo', 'Leo', 'met at a meetup last week'],
    ['rick', 'Rick', 'recruiter'],
    ['digest', 'Design Digest', 'a newsletter'],
    ['jon', 'Jon', 'close friend, weekly calls'],
    ['tom', 'Tom', 'mentor who keeps helping'],
    ['nina', 'Nina', 'a hiring manager met once'],
    ['bea', 'Bea', 'former boss, monthly until March'],
    ['olga', 'Olga', 'old friend, silent since 2023'],
    ['priya', 'Priya', 'cousin, a call every two months'],
    ['gabe', 'Gabe', 'climbing partner, weekly'],
    ['liam', 'Liam', 'a LinkedIn link'],
    ['sara', 'Sara', "Jon's friend at a studio Maya admires"],
  ];
  for (const [key, name, note] of people) g.addNode(key, { name, note });
  const log = (from: string, to: string, at: string, kind?: string) => {
    const edge = g.edge(from, to) ?? g.addEdge(from, to, { interactions: [] });
    (g.getEdgeAttribute(edge, 'interactions') as object[]).push(kind ? { at, kind } : { at });
  };
  const every = (a: string, b: string, from: number, to: number, step: number, kind: string, alternate = true) => {
    for (let d = from, i = 0; d >= to; d -= step, i++) {
      if (alternate && i % 2) log(b, a, ago(d), kind);
      else log(a, b, ago(d), kind);
    }
  };

  // Dana writes every week; Maya answers within a few hours. Her last note, 5 days ago, waits.
  for (let d = 117; d >= 12; d -= 7) {
    log('dana', 'me', ago(d), 'message');
    log('me', 'dana', ago(d, 4), 'message');
  }
  log('dana', 'me', ago(5), 'message');
  // Leo: met at a meetup 6 days ago, wrote 2 days ago.
  log('me', 'leo', ago(6), 'meeting');
  log('leo', 'me', ago(2), 'message');
  // Rick pitches every month; a newsletter every week, never answered.
  for (const d of [90, 60, 30, 3]) log('rick', 'me', ago(d), 'pitch');
  for (let d = 119; d >= 0; d -= 7) log('digest', 'me', ago(d), 'message');
  // Jon: weekly calls for two years, a help each way every quarter.
  every('me', 'jon', 730, 3, 7, 'call');
  every('jon', 'me', 700, 10, 91, 'help');
  // Tom, a mentor: monthly meetings for a year; he introduced and referred Maya lately; she gave little.
  every('tom', 'me', 365, 10, 30, 'meeting');
  log('tom', 'me', ago(40), 'introduction');
  log('tom', 'me', ago(20), 'referral');
  log('me', 'tom', ago(200), 'help');
  // Nina: one meeting, one thank-you.
  log('nina', 'me', ago(25), 'meeting');
  log('me', 'nina', ago(24), 'message');
  // Bea: monthly messages for three years until 100 days ago.
  every('me', 'bea', 1100, 100, 30, 'message');
  every('bea', 'me', 900, 200, 180, 'recommendation');
  // Olga: every two weeks from 2019 to 2023.
  every('olga', 'me', 2200, 700, 14, 'message');
  every('me', 'olga', 2190, 800, 120, 'help');
  // Priya: a call every two months; the last 58 days ago.
  every('priya', 'me', 1000, 58, 60, 'call');
  every('me', 'priya', 950, 300, 180, 'favor');
  // Gabe: climbing every week, last two days ago.
  every('gabe', 'me', 300, 2, 7, 'meeting');
  // Liam: a link.
  g.addEdge('me', 'liam');
  // Sara works with Jon.
  every('jon', 'sara', 400, 5, 10, 'meeting');
  return g;
}
