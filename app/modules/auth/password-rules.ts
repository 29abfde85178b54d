/** Rules for passwords that forms on both sides check (hashing lives in password.server.ts). */
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 128;
