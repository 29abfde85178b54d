/** Pacts, countersigning, joint bodies and the liaison directory. */
export const pacts = {
} as const;
