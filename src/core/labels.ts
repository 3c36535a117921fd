/**
 * Names for people: every sentence goodwill writes (reasons, advice,
 * summaries, pictures) names people by their label, not their key.
 *
 * @module
 */
import type { Attributes } from 'graphology-types';
import { optionError } from './errors.js';
import { nodeValue, type PeopleGraph } from './graph.js';

/** Reads a person's display name: `(key, attributes) => string`. */
export type NodeLabelGetter = (key: string, attributes: Attributes) => string | null | undefined;

/** Options of every function that writes sentences about people. */
export interface LabelOptions {
  /**
   * A person's display name: a node attribute name, or a getter. Default: the
   * `name` attribute where it is a non-empty string, else the node key.
   */
  getNodeLabel?: string | NodeLabelGetter;
}

/** Display names of node keys, read once per key. */
export type Labeler = (key: string) => string;

/** Validates the option `getNodeLabel` (a node attribute name or a getter; default `'name'`) and returns it. */
export function labelOption(options: LabelOptions, module: string): string | NodeLabelGetter {
  const option = options.getNodeLabel ?? 'name';
  if (typeof option !== 'string' && typeof option !== 'function') {
    throw optionError(
      module,
      'getNodeLabel',
      'must be a node attribute name or a function (key, attributes) => string',
      option,
    );
  }
  return option;
}

/**
 * Makes the labeler of `options.getNodeLabel` over `graph` (a label that is
 * not a non-empty string falls back to the key), validating the option.
 *
 * @example
 * ```ts
 * const label = makeLabeler(graph, { getNodeLabel: 'fullName' }, 'personHealth');
 * label('p1'); // 'Ann Lee'
 * ```
 */
export function makeLabeler(graph: PeopleGraph, options: LabelOptions, module: string): Labeler {
  const option = labelOption(options, module);
  const cache = new Map<string, string>();
  return (key) => {
    let label = cache.get(key);
    if (label === undefined) {
      const raw = nodeValue(graph, key, option);
      label = typeof raw === 'string' && raw.trim() !== '' ? raw : key;
      cache.set(key, label);
    }
    return label;
  };
}
