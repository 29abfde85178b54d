import { randomInt } from "node:crypto";
import { Secret, TOTP } from "otpauth";
import QRCode from "qrcode";

/** RFC 6238 as every authenticator app knows it: SHA-1, 6 digits, 30-second steps. */
const PERIOD = 30;
const ISSUER = "边界六联";

function totp(secret: string, label = "") {
  return new TOTP({ issuer: ISSUER, label, algorithm: "SHA1", digits: 6, period: PERIOD, secret: Secret.fromBase32(secret) });
}

/** A new random secret (160 bits), in base32 as people type it into an app. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The secret in groups of four, for typing it in by hand. */
export function groupedSecret(secret: string): string {
  return secret.replace(/(.{4})/g, "$1 ").trim();
}

/** The otpauth:// address an app reads from the QR code. */
export function totpUri(secret: string, username: string): string {
  return totp(secret, username).toString();
}

/** The QR code of the otpauth:// address as an inline SVG (no image source for the page policy to allow). */
export function totpQrSvg(secret: string, username: string): Promise<string> {
  return QRCode.toString(totpUri(secret, username), { type: "svg", errorCorrectionLevel: "M", margin: 2 });
}

export const TOTP_CODE = /^\d{6}$/;

/**
 * The time step a code belongs to, allowing one step of clock drift either way, or null when the
 * code is wrong. A code of a step at or before `lastUsedStep` is refused: each code works once.
 */
export function acceptedStep(secret: string, code: string, lastUsedStep: number | null, now = Date.now()): number | null {
  const token = code.replace(/\s/g, "");
  if (!TOTP_CODE.test(token)) return null;
  const delta = totp(secret).validate({ token, timestamp: now, window: 1 });
  if (delta === null) return null;
  const step = Math.floor(now / 1000 / PERIOD) + delta;
  if (lastUsedStep !== null && step <= lastUsedStep) return null;
  return step;
}

/** The code an app would show at `now` (tests and the enrolment check). */
export function currentTotpCode(secret: string, now = Date.now()): string {
  return totp(secret).generate({ timestamp: now });
}

const RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

/** A recovery code: ten characters without look-alikes (0/o, 1/l/i), shown as `xxxxx-xxxxx`. */
export function newRecoveryCode(): string {
  let code = "";
  for (let i = 0; i < 10; i++) code += RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)];
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

export function normaliseRecoveryCode(input: string): string {
  return input.toLowerCase().replace(/[\s-]/g, "");
}
