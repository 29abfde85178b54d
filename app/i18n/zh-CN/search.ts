/** Search across records, and links between records. */
export const search = {
} as const;
