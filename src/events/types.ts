/**
 * The event model: one thing that happened between several people (a
 * meeting, an e-mail, a group message), before it becomes pairwise
 * interactions.
 *
 * @module
 */
import type { Interaction } from '../core/types.js';
import type { TimeInput } from '../core/time.js';
import type { KnownKind } from '../core/kinds.js';

/**
 * One event with several participants: a meeting with its organiser and
 * attendees, an e-mail with its sender, recipients and copies, a group
 * message. `eventsToInteractions` (from `goodwill/import`) turns it into pairwise interactions.
 *
 * @example
 * ```ts
 * const mail: GroupEvent = { at: '2024-03-05T08:15:00Z', kind: 'message', from: 'ann@acme.com', to: ['bob@globex.com'], cc: ['cy@acme.com'], id: '<a1@acme.com>' };
 * const meeting: GroupEvent = { at: '2024-03-06T09:00:00Z', kind: 'meeting', from: 'ann@acme.com', attendees: ['bob@globex.com', 'di@initech.com'] };
 * ```
 */
export interface GroupEvent {
  /** When it happened (a goodwill time: Date, epoch ms or ISO 8601, UTC without an offset). */
  at: TimeInput;
  /** A kind of the catalogue (`message`, `meeting` …; editors suggest the default kinds); absent: a plain contact. */
  kind?: KnownKind | (string & {});
  /** Who initiated it (sender, organiser). Absent: the option `self`, else the event is dropped and counted. */
  from?: string;
  /** Addressed directly (To:). */
  to?: readonly string[];
  /** Only in copy (Cc:). */
  cc?: readonly string[];
  /** Present at a meeting (calendar attendees). */
  attendees?: readonly string[];
  /** An identifier kept on every interaction of the event (Message-ID, UID …). */
  id?: string;
  /** A multiplier of the event's credit, in 0..1e12 (default 1). */
  weight?: number;
}

/** How a participant took part: addressed directly, only in copy, or present at a meeting. */
export type GroupRole = 'to' | 'cc' | 'attendee';

/** The group an interaction came from: the event's id, its number of distinct participants (initiator included) and the other side's role. */
export interface EventGroup {
  /** The event's `id`, when it had one. */
  id?: string;
  /** Distinct participants of the event, initiator included, after identities are resolved and before privacy filters. */
  size: number;
  /** The role of the interaction's target in the event. */
  role: GroupRole;
}

/** An interaction made from an event: always with its initiator, its weight and its group. */
export interface GroupInteraction extends Interaction {
  from: string;
  weight: number;
  /** The event's group; one frozen object, shared by the interactions of the event that have the same role. */
  group: EventGroup;
}

/** One pairwise interaction from an event: `source` initiated it toward `target`. */
export interface PairwiseInteraction {
  source: string;
  target: string;
  interaction: GroupInteraction;
}

/**
 * How credit is diluted by group size: with `k` people addressed, each pair
 * gets `1/k` (`'inverse'`), `1/√k` (`'sqrt'`) or `1` (`'none'`, naive
 * fan-out). See the data guide for the evidence behind the default.
 */
export type Dilution = 'inverse' | 'sqrt' | 'none';

/** One person behind several addresses: a map from address (or handle) to the person's key, or a function that returns the key (or `undefined` to keep the address). */
export type AliasInput =
  Readonly<Record<string, string>> | ReadonlyMap<string, string> | ((id: string) => string | undefined | null);

/** What to keep out of a graph, at import. */
export interface PrivacyFilter {
  /** E-mail domains whose addresses are removed from every event (subdomains included), case-insensitive: `['bank.com']`. */
  domains?: readonly string[];
  /** Addresses (or handles) removed from every event, case-insensitive. */
  addresses?: readonly string[];
  /** People (keys after aliases are resolved) removed from every event. */
  people?: readonly string[];
  /** Kinds of event dropped whole. */
  kinds?: readonly string[];
}

/** Options of `eventsToInteractions` (from `goodwill/import`) and `addEvents` (from `goodwill/import`). */
export interface EventOptions {
  /** One person behind several addresses: applied to every participant as events are read. */
  aliases?: AliasInput;
  /** The initiator of events without `from` (the owner of the calendar or mailbox). Without it, such events are dropped and counted. */
  self?: string;
  /** How credit is diluted by the number of people addressed. Default `'none'` (chosen on evidence, see the data guide). */
  dilution?: Dilution;
  /** The share of credit of someone only in copy, in [0, 1]. Default 0.5. */
  ccWeight?: number;
  /** Events with more participants than this (initiator included) are dropped and counted: broadcasts. Default: no limit. */
  maxGroupSize?: number;
  /** Participants and kinds to keep out. */
  exclude?: PrivacyFilter;
  /** Your organisation's e-mail domains: an event whose every participant has an address in them is dropped (internal traffic), and counted. */
  internalDomains?: readonly string[];
}

/** What the import kept and dropped, by reason (counts). */
export interface EventReport {
  /** Events read. */
  events: number;
  /** Events that gave at least one interaction. */
  kept: number;
  /** Pairwise interactions made. */
  interactions: number;
  /** Events dropped whole, by reason. */
  droppedEvents: {
    /** Of an excluded kind. */
    kind: number;
    /** Every participant internal (`internalDomains`). */
    internal: number;
    /** The initiator was excluded by a privacy filter. */
    excludedInitiator: number;
    /** No `from` and no `self`. */
    noInitiator: number;
    /** Nobody left besides the initiator (after aliases and filters). */
    noRecipients: number;
    /** More participants than `maxGroupSize`. */
    tooLarge: number;
  };
  /** Participants removed from events that were kept or dropped, by filter. */
  removedParticipants: {
    domain: number;
    address: number;
    person: number;
  };
}
