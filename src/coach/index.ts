/**
 * The networking coach: what to *do* about one's relationships — who is
 * waiting for a reply, whether an ask is welcome yet or a give should come
 * first, whom to contact this week under a budget, and whom to meet next.
 * Each answer is computed from the same relationship kernel as the rest of
 * goodwill and comes with its reasons as sentences. Import from
 * `goodwill/coach`, so that the main entry stays small.
 *
 * @module goodwill/coach
 */
export { burstiness, burstinessOfRatio } from './burstiness.js';
export type { Burstiness } from './burstiness.js';
export { tieRhythm } from './rhythm.js';
export type { TieRhythm } from './rhythm.js';
export { replyState, owedReplies } from './replies.js';
export type { ReplyOptions, ReplyState, Waiting, OwedReply, OwedReplies } from './replies.js';
export { askReadiness } from './ask.js';
export type { AskOptions, AskVerdict, AskRule, AskReadiness, GiveFirst } from './ask.js';
export type { GoodwillBalance } from './balance.js';
export { referralReadiness } from './referral.js';
export type { ReferralReadiness } from './referral.js';
export { weeklyPlan } from './plan.js';
export type { WeeklyPlanOptions, PlanKind, PlanItem, WeeklyPlan } from './plan.js';
export { linkScores, peopleWorthMeeting } from './seeds.js';
export type { LinkScores, PeopleWorthMeetingOptions, Seed, PeopleWorthMeeting } from './seeds.js';
export { simulate } from './simulate.js';
export { digest } from './digest.js';
export type { DigestOptions, DigestKind, DigestEntry, Digest } from './digest.js';
export { personAskReadiness } from './asks.js';
export type { PersonAskReadiness } from './asks.js';
