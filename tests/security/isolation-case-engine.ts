/**
 * Isolation rows for the case engine's own routes (spread into GET_ROWS): the inbox, which every
 * signed-in user may open (empty for roles that see no workflow), and the attachment download,
 * where an id that does not exist answers the plain 404 a hidden one does. Downloads of real
 * files answer with the file itself, which this table cannot describe: the full user × file
 * matrix is in tests/integration/attachments-download.test.ts.
 */
import type { GetRow } from "./isolation-table";
import { MISSING_ID } from "./isolation-targets";

export const CASE_ENGINE_ROWS: GetRow[] = [
  { route: "inbox", name: "/inbox", at: () => ({ path: "/inbox" }), expect: () => ({ outcome: "data" }) },
  {
    route: "files.$attachmentId",
    name: "/files/:attachmentId — an id that does not exist",
    at: () => ({ path: `/files/${MISSING_ID}`, params: { attachmentId: MISSING_ID } }),
    expect: () => ({ outcome: 404 }),
  },
];
