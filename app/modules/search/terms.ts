/**
 * What a person typed into the search box, made safe for SQL: split into terms, each matched
 * literally. Terms of three characters or more go to the FTS5 trigram index as quoted phrases;
 * shorter ones are matched with LIKE (escaped), which the index cannot answer, so SQLite scans.
 * Pure functions: no database here, so the rules are easy to test.
 */

/** Longest query accepted, in characters. */
export const MAX_QUERY_LENGTH = 100;
/** At most this many terms are used; the rest are ignored. */
export const MAX_TERMS = 8;
/** The trigram tokenizer cannot match anything shorter than this through MATCH. */
export const TRIGRAM = 3;

/** Unicode characters (not UTF-16 units): 隐 is one, so is an emoji. */
export function charCount(text: string): number {
  return [...text].length;
}

/**
 * The distinct terms of a query, in order: split on whitespace (including the full-width
 * space of Chinese input methods), control characters dropped.
 */
export function searchTerms(query: string): string[] {
  const cleaned = query.replace(/[\u0000-\u001f\u007f]/g, " ");
  const terms = cleaned.split(/[\s\u3000]+/u).filter((t) => t.length > 0);
  return [...new Set(terms)].slice(0, MAX_TERMS);
}

export function isShortTerm(term: string): boolean {
  return charCount(term) < TRIGRAM;
}

/** An FTS5 query that matches every long term as a literal phrase (`"a" "b"`: a AND b). */
export function ftsPhrases(terms: readonly string[]): string | null {
  const long = terms.filter((t) => !isShortTerm(t));
  if (long.length === 0) return null;
  return long.map((t) => `"${t.replace(/"/g, '""')}"`).join(" ");
}

/** A term inside a LIKE pattern, matched literally: `%`, `_` and the escape `\` are escaped. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** `%term%` for `LIKE … ESCAPE '\'`. */
export function containsPattern(term: string): string {
  return `%${escapeLike(term)}%`;
}

export interface Snippet {
  /** Text before the hit, with a leading … when cut. */
  before: string;
  hit: string;
  /** Text after the hit, with a trailing … when cut. */
  after: string;
}

const SNIPPET_BEFORE = 24;
const SNIPPET_AFTER = 48;

/**
 * A short excerpt of `content` around the first place any term occurs (case-insensitively).
 * If no term is found verbatim (the index folds some letters JavaScript does not), the excerpt
 * starts at the beginning. `content` must be text the viewer may read.
 */
export function buildSnippet(content: string, terms: readonly string[]): Snippet {
  const chars = [...content.replace(/\s+/g, " ").trim()];
  const lower = chars.map((c) => c.toLowerCase());
  let best: { at: number; length: number } | null = null;
  for (const term of terms) {
    const needle = [...term].map((c) => c.toLowerCase());
    const at = indexOfChars(lower, needle);
    if (at >= 0 && (best === null || at < best.at)) best = { at, length: needle.length };
  }
  if (!best) {
    const head = chars.slice(0, SNIPPET_BEFORE + SNIPPET_AFTER);
    return { before: "", hit: "", after: head.join("") + (chars.length > head.length ? "…" : "") };
  }
  const start = Math.max(0, best.at - SNIPPET_BEFORE);
  const end = Math.min(chars.length, best.at + best.length + SNIPPET_AFTER);
  return {
    before: (start > 0 ? "…" : "") + chars.slice(start, best.at).join(""),
    hit: chars.slice(best.at, best.at + best.length).join(""),
    after: chars.slice(best.at + best.length, end).join("") + (end < chars.length ? "…" : ""),
  };
}

function indexOfChars(haystack: string[], needle: string[]): number {
  if (needle.length === 0) return -1;
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}
