export * from "./tenancy";
export * from "./auth";
export * from "./pacts";
export * from "./records";
export * from "./audit";
export * from "./threads";
export * from "./hazards";
export * from "./disputes";
