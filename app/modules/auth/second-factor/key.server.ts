import { createCipheriv, createDecipheriv, createHmac, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { databasePath } from "~/modules/db/connection.server";

/**
 * The key that protects second-factor secrets and recovery codes: SECOND_FACTOR_KEY (32 bytes as
 * 64 hex digits or as base64), else the file `second-factor.key` beside the database file,
 * created on first use with mode 0600. A backup must keep this file with the database: without it
 * nobody can sign in with their authenticator app, and an administrator must reset every factor.
 */
const keys = new Map<string, Buffer>();

/** The key file's name beside the database; backups take it along (see backup.server.ts). */
export const SECOND_FACTOR_KEY_FILE = "second-factor.key";

function parseKey(raw: string): Buffer {
  const value = raw.trim();
  const key = /^[0-9a-f]{64}$/i.test(value) ? Buffer.from(value, "hex") : Buffer.from(value, "base64");
  if (key.length !== 32) throw new Error("SECOND_FACTOR_KEY must be 32 bytes, as 64 hex digits or base64");
  return key;
}

/** Where the key file lives for the current database (null for an in-memory database). */
export function secondFactorKeyFile(): string | null {
  const db = databasePath();
  return db === ":memory:" ? null : path.join(path.dirname(path.resolve(db)), SECOND_FACTOR_KEY_FILE);
}

function keyFromFile(file: string): Buffer {
  try {
    return parseKey(fs.readFileSync(file, "utf8"));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  try {
    fs.writeFileSync(file, `${randomBytes(32).toString("hex")}\n`, { mode: 0o600, flag: "wx" });
  } catch (error) {
    // Another process made it first: use theirs.
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  return parseKey(fs.readFileSync(file, "utf8"));
}

export function secondFactorKey(): Buffer {
  const env = process.env.SECOND_FACTOR_KEY;
  const where = env ? `env:${env}` : `file:${secondFactorKeyFile() ?? ":memory:"}`;
  let key = keys.get(where);
  if (!key) {
    const file = secondFactorKeyFile();
    key = env ? parseKey(env) : file ? keyFromFile(file) : randomBytes(32);
    keys.set(where, key);
  }
  return key;
}

/** AES-256-GCM: `v1.` + base64url(12-byte IV | ciphertext | 16-byte tag). */
export function encryptSecret(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", secondFactorKey(), iv);
  const body = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return `v1.${Buffer.concat([iv, body, cipher.getAuthTag()]).toString("base64url")}`;
}

export function decryptSecret(stored: string): string {
  if (!stored.startsWith("v1.")) throw new Error("unknown second-factor secret format");
  const raw = Buffer.from(stored.slice(3), "base64url");
  const decipher = createDecipheriv("aes-256-gcm", secondFactorKey(), raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(raw.length - 16));
  return Buffer.concat([decipher.update(raw.subarray(12, raw.length - 16)), decipher.final()]).toString("utf8");
}

/** A keyed hash (HMAC-SHA256) for recovery codes: a copy of the database alone cannot test guesses. */
export function keyedHash(purpose: string, value: string): string {
  return createHmac("sha256", secondFactorKey()).update(purpose).update("\0").update(value).digest("hex");
}
