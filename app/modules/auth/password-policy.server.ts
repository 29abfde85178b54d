import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary } from "@zxcvbn-ts/language-common";
import { isDemoDatabase } from "~/modules/db/settings.server";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "./password-rules";

/**
 * What a new password must be (ASVS 5.0 V6.2): 10 to 128 characters, not containing the
 * account's username or its county's name, and not guessable — zxcvbn's estimate on its common
 * passwords, names and keyboard patterns must reach "safely unguessable" (score 3 of 4). The demo
 * accounts' password `demo-2026` is public, so it is refused everywhere but in the demo database.
 */
export interface PasswordOwner {
  username: string;
  countyName: string;
}

const MIN_SCORE = 3;
const DEMO_PASSWORD = "demo-2026";

// Built on first use: the dictionaries take a tenth of a second and some megabytes.
let estimator: ZxcvbnFactory | undefined;
function strength() {
  estimator ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });
  return estimator;
}

/** A county's name and its place name, e.g. 新晃侗族自治县 → 新晃侗族自治县, 新晃; 麻阳县 → 麻阳县, 麻阳. */
function countyNameParts(name: string): string[] {
  const base = (/^(.{2,}?)(?:\p{Script=Han}{1,3}族)+自治[县旗]$/u.exec(name) ?? /^(.{2,}?)[县市区旗]$/u.exec(name))?.[1] ?? name;
  return [...new Set([name, base].filter((part) => part.length >= 2))];
}

/** The part of a username after its county prefix (`xh.admin` → `admin`), when long enough to matter. */
function usernameParts(username: string): string[] {
  const lower = username.trim().toLowerCase();
  const local = lower.includes(".") ? lower.slice(lower.indexOf(".") + 1) : lower;
  return [...new Set([lower, local].filter((part) => part.length >= 4))];
}

/**
 * The first rule a password breaks, as an i18n key (with parameters after `|`), or null when it
 * is good enough.
 */
export async function passwordProblem(password: string, owner: PasswordOwner): Promise<string | null> {
  if (password.length < MIN_PASSWORD_LENGTH) return `password.tooShort|min=${MIN_PASSWORD_LENGTH}`;
  if (password.length > MAX_PASSWORD_LENGTH) return `form.tooLong|max=${MAX_PASSWORD_LENGTH}`;
  const lower = password.toLowerCase();
  if (usernameParts(owner.username).some((part) => lower.includes(part))) return "password.containsUsername";
  if (countyNameParts(owner.countyName).some((part) => password.includes(part))) return "password.containsCounty";
  if (lower.includes(DEMO_PASSWORD) && !isDemoDatabase()) return "password.common";
  const result = await strength().check(password, [...usernameParts(owner.username), ...countyNameParts(owner.countyName)]);
  if (result.score < MIN_SCORE) return "password.weak";
  return null;
}
