/** Joint hazard checks (问题隐患联防) and joint sweeps. */
export const hazards = {
} as const;
