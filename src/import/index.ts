/**
 * Real interaction data in: events with several participants → pairwise
 * interactions (the group rule), identities, privacy filters, and pure
 * importers for iCalendar, e-mail and mbox, vCard and the LinkedIn export.
 * Import from `goodwill/import`, so that the main entry stays small; the
 * importers' parsers (ical.js, postal-mime, papaparse) load only from here.
 *
 * @module goodwill/import
 */
export { eventsToInteractions } from '../events/events.js';
export type { EventsToInteractionsResult } from '../events/events.js';
export { addEvents, mergePeople } from '../events/write.js';
export type { AddEventsOptions, AddEventsResult, MergePeopleOptions, MergePeopleResult } from '../events/write.js';
export { addPeople } from '../events/people.js';
export type { AddPeopleOptions, AddPeopleResult, PersonName } from '../events/people.js';
export type {
  GroupEvent,
  GroupRole,
  EventGroup,
  GroupInteraction,
  PairwiseInteraction,
  Dilution,
  AliasInput,
  PrivacyFilter,
  EventOptions,
  EventReport,
} from '../events/types.js';
export { parseICalendar } from './icalendar.js';
export type { ICalendarOptions } from './icalendar.js';
export { parseEmail, parseMbox } from './email.js';
export type { EmailOptions } from './email.js';
export type { ImportResult, ImportProblem, ImportedPerson, MailEvent } from './types.js';
export { parseVCard, parseLinkedInConnections, parseLinkedInMessages } from './contacts.js';
export type { LinkedInConnectionsOptions } from './contacts.js';
