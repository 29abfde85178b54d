/** County administration: users, regions, audit log. */
export const admin = {
} as const;
