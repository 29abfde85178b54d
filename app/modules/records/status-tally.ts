/** Per-status counts for a list's tabs, from `select status, count(*) … group by status` rows. */
export function tallyByStatus<S extends string>(
  statuses: readonly S[],
  rows: readonly { status: string; n: number }[],
): { byStatus: Record<S, number>; all: number } {
  const byStatus = Object.fromEntries(statuses.map((s) => [s, 0])) as Record<S, number>;
  for (const row of rows) if (row.status in byStatus) byStatus[row.status as S] = row.n;
  return { byStatus, all: Object.values<number>(byStatus).reduce((a, b) => a + b, 0) };
}
