/**
 * What every importer returns.
 *
 * @module
 */
import type { GroupEvent } from '../events/types.js';

/** A record an importer could not read, and where it is. */
export interface ImportProblem {
  /** The 1-based line where the record starts (for CSV: the file line of the row). */
  line: number;
  /** What is wrong, and what was skipped. */
  message: string;
}

/** A person as an importer saw them: a key, and what the source says about them. */
export interface ImportedPerson {
  /** The key the person's events use (a lower-case e-mail address, or a profile URL). */
  key: string;
  /** Display name. */
  name?: string;
  organization?: string;
  title?: string;
  /** Every e-mail address, lower case, the key's first. */
  emails?: string[];
  phones?: string[];
  /** A profile URL (LinkedIn). */
  url?: string;
  /** When the connection was made (LinkedIn), ISO 8601 UTC. */
  connectedOn?: string;
}

/** The result of an importer: events (for `addEvents`), people (for node attributes), aliases, and the records it skipped. */
export interface ImportResult {
  events: GroupEvent[];
  people: ImportedPerson[];
  /** Other addresses of a person → the person's key (pass as `aliases` to `addEvents`). */
  aliases: Record<string, string>;
  /** Every record that could not be read, in file order. */
  problems: ImportProblem[];
}

/** An e-mail as an event: a {@link GroupEvent} with the message it answers. */
export interface MailEvent extends GroupEvent {
  /** The Message-ID this message replies to (In-Reply-To). */
  inReplyTo?: string;
}
