import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildCsr } from '../../src/core/csr.js';

describe('buildCsr', () => {
  it('sorts each row by target and merges parallel arcs in input order, as a stable sort does (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.array(fc.tuple(fc.nat(), fc.nat(), fc.double({ min: 0, max: 10, noNaN: true })), { maxLength: 80 }),
        (n, arcs) => {
          const us = arcs.map(([u]) => u % n);
          const vs = arcs.map(([, v]) => v % n);
          const ws = arcs.map(([, , w]) => w);
          const csr = buildCsr(n, us, vs, ws, (a, b) => a + b);
          // Reference: a stable sort by (u, v), then sums in that order.
          const order = arcs.map((_, i) => i).sort((x, y) => us[x]! - us[y]! || vs[x]! - vs[y]!);
          const rows: Array<Array<[number, number]>> = Array.from({ length: n }, () => []);
          for (const i of order) {
            const row = rows[us[i]!]!;
            const last = row[row.length - 1];
            if (last !== undefined && last[0] === vs[i]) last[1] += ws[i]!;
            else row.push([vs[i]!, ws[i]!]);
          }
          for (let u = 0; u < n; u++) {
            const got: Array<[number, number]> = [];
            for (let k = csr.offset[u]!; k < csr.offset[u + 1]!; k++) got.push([csr.target[k]!, csr.weight[k]!]);
            expect(got).toEqual(rows[u]);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
