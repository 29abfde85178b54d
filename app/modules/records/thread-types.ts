export type RecordThreadPostResult = { ok: true; entryId: number } | { ok: false; errors: Record<string, string> };
