import Graph from 'graphology';
import { describe, expect, it } from 'vitest';
import { InvalidOptionError, NodeNotFoundError } from 'goodwill';
import { generateNetwork } from 'goodwill/fixtures';
import { renderEgoSvg, STAGE_COLORS } from '../../src/svg/ego-svg.js';
import { freezeGraph, snapshot } from '../helpers/frozen.js';

const day = (d: number) => Date.UTC(2024, 0, 1) + d * 86_400_000;

describe('renderEgoSvg', () => {
  it('draws one dot per tie, coloured by stage, labels escaped, deterministic', () => {
    const g = new Graph();
    g.addNode('me', { name: 'Me & <Co>' });
    g.addNode('x', { name: 'Xena' });
    g.addNode('y');
    g.addEdge('me', 'x', { interactions: [{ at: day(0) }] });
    g.addEdge('x', 'me', { interactions: [{ at: day(1) }] });
    g.addEdge('y', 'me', { interactions: [{ at: day(2) }] });
    freezeGraph(g);
    const before = snapshot(g);
    const svg = renderEgoSvg(g, 'me', { now: day(3) });
    expect(svg).toBe(renderEgoSvg(g, 'me', { now: day(3) }));
    expect(snapshot(g)).toBe(before);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('Me &amp; &lt;Co&gt;');
    expect(svg).not.toContain('<Co>');
    const dots = [
      ...svg.matchAll(/<circle cx="[\d.]+" cy="[\d.]+" r="[\d.]+" fill="(#[0-9a-f]+)"><title>([^<]+)<\/title>/g),
    ];
    expect(dots.map((m) => [m[2]!.split(':')[0], m[1]])).toEqual([
      ['Xena', STAGE_COLORS.acquainted],
      ['y', STAGE_COLORS.connected],
    ]);
    expect(svg).toContain('acquainted (1)');
  });

  it('places the 5 strongest ties on the inner ring of a generated network', () => {
    const g = generateNetwork({ seed: 3, people: 120 });
    const svg = renderEgoSvg(g, 'p0001', { now: '2025-01-01', maxTies: 20 });
    const dots = [...svg.matchAll(/<circle cx="([\d.]+)" cy="([\d.]+)" r="[\d.]+" fill="#[0-9a-f]+"><title>/g)];
    expect(dots.length).toBeLessThanOrEqual(20);
    const radius = (m: RegExpMatchArray) => Math.hypot(Number(m[1]) - 320, Number(m[2]) - 320);
    const inner = dots.slice(0, Math.min(5, dots.length)).map(radius);
    const rest = dots.slice(5).map(radius);
    if (rest.length > 0) expect(Math.max(...inner)).toBeLessThan(Math.min(...rest));
  });

  it('names what is wrong', () => {
    const g = new Graph();
    g.addNode('me');
    expect(() => renderEgoSvg(g, 'you', { now: day(0) })).toThrow(NodeNotFoundError);
    expect(() => renderEgoSvg(g, 'me', { now: day(0), size: 10 })).toThrow(InvalidOptionError);
    expect(() => renderEgoSvg(g, 'me', {} as never)).toThrow(/now/);
  });
});
