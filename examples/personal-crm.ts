/**
 * A personal CRM: one person's network of a dozen relationships, and the
 * answers goodwill gives about it — each checked against what the person
 * would say about their own relationships.
 *
 * Run: npx tsx examples/personal-crm.ts
 */
import assert from 'node:assert/strict';
import Graph from 'graphology';
import {
  assessRelationship,
  classifyStage,
  coldDate,
  dunbarLayers,
  personHealth,
  keepInTouch,
  stageAdvice,
  tieStrength,
  type Interaction,
} from 'goodwill';
import { summarize } from 'goodwill/explain';

const quiet = process.env['GOODWILL_EXAMPLE_QUIET'] === '1';
const log = (...args: unknown[]): void => {
  if (!quiet) console.log(...args);
};

const now = '2025-06-30';
const DAY = 86_400_000;
const NOW = Date.parse(now);
/** A date `days` before now, as an ISO string. */
const ago = (days: number): string => new Date(NOW - Math.round(days * DAY)).toISOString();

const graph = new Graph({ multi: true });
const people: Record<string, string> = {
  me: 'Maya',
  chris: 'Chris (close friend)',
  morgan: 'Morgan (mentor)',
  pat: 'Pat (prospect)',
  sam: 'Sam (stranger)',
  olivia: 'Olivia (old friend)',
  nina: 'Nina (new acquaintance)',
  colin: 'Colin (former colleague)',
  tom: 'Tom (taker)',
  rita: 'Rita (aunt)',
  lee: 'Lee (a LinkedIn link)',
  wendy: 'Wendy (running partner)',
};
for (const [key, name] of Object.entries(people)) graph.addNode(key, { name });

/** Logs what `from` did toward `to`: one interaction per entry, [days ago, kind]. */
function log2(from: string, to: string, entries: [number, string?][]): void {
  const interactions: Interaction[] = entries.map(([days, kind]) =>
    kind === undefined ? { at: ago(days) } : { at: ago(days), kind },
  );
  graph.addEdge(from, to, { interactions });
}
/** Every `step` days from about `start` days ago to exactly `end` days ago. */
const every = (start: number, end: number, step: number, kind?: string): [number, string?][] => {
  const out: [number, string?][] = [];
  for (let d = end; d <= start; d += step) out.unshift(kind === undefined ? [d] : [d, kind]);
  return out;
};

// Chris: a close friend for two years — messages and calls every few days, favours both ways.
log2('me', 'chris', [...every(730, 2, 6, 'message'), [400, 'help'], [120, 'favor']]);
log2('chris', 'me', [...every(727, 5, 6, 'call'), [300, 'help'], [60, 'favor']]);
// Morgan: a mentor for three years — a meeting every quarter, advice given, and Maya returns favours.
log2('morgan', 'me', [
  ...every(1095, 45, 91, 'meeting'),
  [1046, 'help'],
  [682, 'recommendation'],
  [409, 'help'],
  [136, 'introduction'],
]);
log2('me', 'morgan', [...every(1095, 50, 91, 'message'), [773, 'help'], [318, 'favor']]);
// Pat: a prospect Maya wrote to six times over two months; Pat never answered.
log2('me', 'pat', every(60, 5, 11, 'message'));
// Sam: a stranger who pitched Maya five times in a month; Maya never answered.
log2('sam', 'me', [[33, 'message'], ...every(30, 3, 7, 'pitch')]);
// Olivia: a weekly friend for a year, then silence for 312 days.
log2('me', 'olivia', every(677, 312, 7, 'message'));
log2('olivia', 'me', every(674, 315, 7, 'call'));
// Nina: met three weeks ago at a conference, a few messages each way.
log2('me', 'nina', [
  [21, 'meeting'],
  [14, 'message'],
  [6, 'message'],
]);
log2('nina', 'me', [
  [20, 'message'],
  [13, 'message'],
  [5, 'message'],
]);
// Colin: a colleague Maya messaged almost daily for eight months; he left five weeks ago.
log2('me', 'colin', every(275, 36, 1, 'message'));
log2('colin', 'me', [...every(274, 35, 2, 'message'), [100, 'help']]);
// Tom: asks for favours; Maya helps every time, Tom never gives back.
log2('tom', 'me', [
  [80, 'message'],
  [70, 'request'],
  [45, 'request'],
  [30, 'request'],
  [12, 'request'],
]);
log2('me', 'tom', [
  [69, 'help'],
  [44, 'help'],
  [29, 'referral'],
  [10, 'help'],
  [60, 'message'],
]);
// Rita: Maya's aunt — a call every six weeks or so, for years; the last one a month ago.
log2('rita', 'me', every(1400, 30, 84, 'call'));
log2('me', 'rita', [...every(1358, 72, 84, 'call'), [500, 'favor']]);
log2('rita', 'me', [[600, 'help']]);
// Lee: a link, no contact at all.
graph.addEdge('me', 'lee', {});
// Wendy: runs with Maya every week for a year; the last run three days ago.
log2('me', 'wendy', every(360, 3, 7, 'meeting'));
log2('wendy', 'me', [...every(357, 7, 7, 'message'), [200, 'help'], [150, 'favor']]);
log2('me', 'wendy', [[180, 'help']]);

const options = { now };
const strength = (other: string): number => tieStrength(graph, 'me', other, options).strength;
const stage = (other: string) => classifyStage(graph, 'me', other, options);

// Strength: what people mean by a strong tie.
log(
  'strength',
  Object.fromEntries(
    Object.keys(people)
      .filter((k) => k !== 'me')
      .map((k) => [k, +strength(k).toFixed(3)]),
  ),
);
assert.ok(strength('sam') < strength('morgan'), 'a stranger who only pitches is a weaker tie than my mentor');
assert.ok(strength('pat') < strength('morgan'), 'a prospect who never answered is a weaker tie than my mentor');
assert.ok(strength('tom') < strength('morgan'), 'a taker is a weaker tie than my mentor');
for (const live of ['chris', 'morgan', 'nina', 'colin', 'rita', 'wendy']) {
  assert.ok(
    strength('pat') < strength(live) && strength('sam') < strength(live),
    `unanswered outreach is weaker than a two-way tie (${live}), however recent`,
  );
}
assert.ok(strength('chris') > 0.7, 'my close friend is a strong tie');
assert.ok(
  strength('morgan') > strength('nina'),
  'a three-year mentor is a stronger tie than a three-week acquaintance',
);
assert.equal(strength('lee'), 0, 'a link with no contact has no strength');

// Stages and flags.
assert.equal(stage('chris').stage, 'trusted');
assert.equal(stage('morgan').stage, 'trusted', 'three years of quarterly meetings and favours both ways');
assert.equal(stage('pat').stage, 'connected');
assert.deepEqual(stage('pat').flags, ['one-sided']);
assert.deepEqual(stage('sam').flags, ['one-sided', 'premature-ask']);
assert.equal(stage('olivia').stage, 'dormant', 'a friend silent for 312 days has gone cold');
assert.equal(stage('nina').stage, 'acquainted');
assert.equal(stage('colin').stage, 'cooling', 'five weeks of silence after daily contact');
assert.ok(
  !stage('tom').flags.includes('one-sided') && stage('tom').flags.includes('giver-fatigue'),
  'Maya does all the giving for Tom (giver fatigue); he answers, so the tie is not one-sided',
);
assert.equal(stage('wendy').stage, 'trusted');
assert.equal(stage('lee').stage, 'connected');
log(
  'stage',
  Object.fromEntries(
    Object.keys(people)
      .filter((k) => k !== 'me')
      .map((k) => [k, stage(k).stage]),
  ),
);

// Cold dates agree with the stages.
const cold = (other: string): number => coldDate(graph, 'me', other, options)?.getTime() ?? NaN;
assert.ok(cold('olivia') <= NOW, 'the dormant friend went cold already');
assert.ok(cold('chris') > NOW && cold('morgan') > NOW && cold('wendy') > NOW, 'engaged and trusted ties are not cold');
assert.ok(cold('morgan') - NOW > 180 * DAY, "a quarterly mentor's tie stays warm for months");
assert.equal(coldDate(graph, 'me', 'lee', options), null, 'no contact, no cold date');

// Keep in touch: from each tie's own rhythm.
const todo = keepInTouch(graph, 'me', options);
const due = new Map(todo.contacts.map((c) => [c.other, c]));
log(
  'keep in touch',
  todo.contacts.map((c) => `${c.name}: ${c.reason}`),
);
assert.ok(
  !due.has('pat') && !due.has('sam') && !due.has('lee'),
  'unanswered, pitch-only and bare-link ties are never due',
);
assert.ok(!due.has('olivia'), 'a dormant friend is not "282 days overdue"…');
assert.deepEqual(
  todo.reconnect.map((r) => r.other),
  ['olivia'],
  '…she is on the reconnect list',
);
assert.equal(due.get('wendy')!.overdueDays, 0, 'someone I ran with three days ago is not overdue');
assert.equal(due.get('morgan')!.overdueDays, 0, 'a quarterly mentor seen 45 days ago is not overdue');
assert.equal(due.get('rita')!.overdueDays, 0, 'my aunt, called a month ago on a six-week rhythm, is not overdue');
assert.ok(due.get('colin')!.overdueDays > 0, 'the colleague gone quiet is overdue');
const overdue = todo.contacts.filter((c) => c.overdueDays > 0).length;
assert.ok(overdue <= todo.contacts.length / 2, 'on a dozen ties, most are not overdue');

// Advice never contradicts itself.
const advice = stageAdvice(graph, 'me', options);
log('advice', {
  feed: advice.feed.map((f) => f.other),
  weed: advice.weed.map((w) => w.other),
  reconnect: advice.reconnect.map((r) => r.other),
});
assert.deepEqual(
  advice.feed.map((f) => f.other),
  ['colin'],
  'feed: the valuable tie going quiet',
);
assert.deepEqual(
  advice.weed.map((w) => w.other),
  ['pat', 'sam'],
  'weed: ties that never grew',
);
assert.deepEqual(
  advice.reconnect.map((r) => r.other),
  ['olivia'],
  'reconnect: the friend who went cold',
);

// The inner circle: the strongest two-way ties, never unanswered contacts.
const inner = dunbarLayers(graph, 'me', options).layers[0]!.ties.map((t) => t.other);
log('inner circle', inner);
assert.ok(inner.includes('chris') && inner.includes('wendy') && inner.includes('morgan'));
assert.ok(!inner.includes('pat') && !inner.includes('sam'), 'unanswered contacts are not in the inner circle');

// One assessment behind every answer.
const colin = assessRelationship(graph, 'me', 'colin', options);
assert.equal(colin.stage, stage('colin').stage);
assert.equal(colin.strength, strength('colin'));
assert.equal(colin.advice, 'feed');
log(colin.adviceReason);

// The report speaks in names.
const report = personHealth(graph, 'me', options);
const text = summarize(report);
log(text);
assert.match(text, /Maya's network/);
assert.match(text, /Colin \(former colleague\)/);
assert.doesNotMatch(text, /\bcolin\b/, 'no keys in the summary');
assert.deepEqual(
  report.advice.feed.map((f) => f.other),
  advice.feed.map((f) => f.other),
  'the report gives the same advice as stageAdvice',
);
