/**
 * Isolation rows for the patrol pages (spread into GET_ROWS and WRITE_ROWS).
 */
import type { GetRow } from "./isolation-table";
import type { WriteRow } from "./isolation-writes";

export const PATROL_ROWS: GetRow[] = [];

export const PATROL_WRITES: WriteRow[] = [];
