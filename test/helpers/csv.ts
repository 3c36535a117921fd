/** A table of interactions as CSV text (`at, source, target, kind, weight`), for the DuckDB and command-line tests. */
import type { InteractionColumns } from 'goodwill/columns';

/** The rows of `columns` as CSV, times as ISO strings; `columns` must hold keys, not ids. */
export function toCsv(columns: InteractionColumns & { rows: number }): string {
  const lines = ['at,source,target,kind,weight'];
  const quote = (s: string) => (/[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
  for (let r = 0; r < columns.rows; r++) {
    const at = new Date(columns.at[r] as string | number).toISOString();
    const kind = columns.kind?.[r] ?? '';
    const weight = columns.weight?.[r] ?? '';
    lines.push([at, quote(String(columns.source[r])), quote(String(columns.target[r])), kind, weight].join(','));
  }
  return lines.join('\n') + '\n';
}
