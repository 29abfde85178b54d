/** Where the second-factor key comes from, and what the stored secrets look like. */
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { decryptSecret, encryptSecret, keyedHash, secondFactorKey, secondFactorKeyFile } from "~/modules/auth/second-factor/key.server";
import { acceptedStep, currentTotpCode, newTotpSecret } from "~/modules/auth/second-factor/totp.server";

afterEach(() => {
  delete process.env.SECOND_FACTOR_KEY;
});

describe("the second-factor key", () => {
  it("without SECOND_FACTOR_KEY is a file beside the database, made once with mode 0600", () => {
    const file = secondFactorKeyFile()!;
    expect(path.dirname(file)).toBe(path.dirname(path.resolve(process.env.DATABASE_PATH!)));
    const key = secondFactorKey();
    expect(key).toHaveLength(32);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    expect(fs.readFileSync(file, "utf8").trim()).toBe(key.toString("hex"));
  });

  it("SECOND_FACTOR_KEY in hex or base64 is used instead; anything but 32 bytes is refused", () => {
    process.env.SECOND_FACTOR_KEY = "11".repeat(32);
    expect(secondFactorKey()).toEqual(Buffer.alloc(32, 0x11));
    process.env.SECOND_FACTOR_KEY = Buffer.alloc(32, 0x22).toString("base64");
    expect(secondFactorKey()).toEqual(Buffer.alloc(32, 0x22));
    process.env.SECOND_FACTOR_KEY = "too-short";
    expect(() => secondFactorKey()).toThrow(/32 bytes/);
  });

  it("encrypts each secret with its own IV and detects tampering; another key cannot read it", () => {
    const secret = newTotpSecret();
    const a = encryptSecret(secret);
    expect(a).toMatch(/^v1\./);
    expect(a).not.toBe(encryptSecret(secret));
    expect(decryptSecret(a)).toBe(secret);
    const tampered = `${a.slice(0, -2)}${a.endsWith("A") ? "B" : "A"}${a.slice(-1)}`;
    expect(() => decryptSecret(tampered)).toThrow();
    process.env.SECOND_FACTOR_KEY = "33".repeat(32);
    expect(() => decryptSecret(a)).toThrow();
    expect(keyedHash("recovery:u", "abc")).not.toBe(keyedHash("recovery:v", "abc"));
  });

  it("accepts a code one step early or late, refuses older steps and wrong codes", () => {
    const secret = newTotpSecret();
    const now = Date.parse("2026-11-23T02:00:10Z");
    const step = Math.floor(now / 30_000);
    expect(acceptedStep(secret, currentTotpCode(secret, now), null, now)).toBe(step);
    expect(acceptedStep(secret, currentTotpCode(secret, now - 30_000), null, now)).toBe(step - 1);
    expect(acceptedStep(secret, currentTotpCode(secret, now + 30_000), null, now)).toBe(step + 1);
    expect(acceptedStep(secret, currentTotpCode(secret, now - 90_000), null, now)).toBeNull();
    expect(acceptedStep(secret, currentTotpCode(secret, now), step, now)).toBeNull();
    expect(acceptedStep(secret, "12345", null, now)).toBeNull();
  });
});
