/** Joint mediation (矛盾纠纷联调): disputes, sessions, agreements, return visits, figures. */
export const disputes = {
} as const;
