/**
 * The audit page's filter for refused accesses: all the county sees, its own users' refusals, or
 * other counties' users' attempts on its data.
 */
export const REFUSAL_FILTERS = ["all", "own", "others"] as const;
export type RefusalFilter = (typeof REFUSAL_FILTERS)[number];
