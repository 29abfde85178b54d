/** Joint crime fighting (刑事犯罪联打): case notices, sign-for, results, figures. */
export const notices = {
} as const;
