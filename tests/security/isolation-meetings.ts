/**
 * Isolation rows for the meeting pages (spread into GET_ROWS and WRITE_ROWS).
 */
import type { GetRow } from "./isolation-table";
import type { WriteRow } from "./isolation-writes";

export const MEETING_ROWS: GetRow[] = [];

export const MEETING_WRITES: WriteRow[] = [];
