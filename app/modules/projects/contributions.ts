/**
 * What each side contributes (各方投入), kept in project_details.contributions as JSON: county id →
 * words. Text that is not such JSON (typed before the sides were separate) reads as one entry.
 */
export type Contributions = Record<string, string>;

/** Keeps the non-empty entries of the counties taking part, in their order. */
export function encodeContributions(all: Contributions, countyIds: readonly number[]): string {
  const kept: Contributions = {};
  for (const id of countyIds) {
    const words = all[String(id)]?.trim();
    if (words) kept[String(id)] = words;
  }
  return Object.keys(kept).length ? JSON.stringify(kept) : "";
}

export function decodeContributions(stored: string): Contributions {
  if (!stored.trim()) return {};
  try {
    const parsed: unknown = JSON.parse(stored);
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) {
      return Object.fromEntries(Object.entries(parsed).filter(([, v]) => typeof v === "string")) as Contributions;
    }
  } catch {
    // plain words
  }
  return { "": stored };
}
