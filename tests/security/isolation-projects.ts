/**
 * Isolation rows for the project pages (spread into GET_ROWS and WRITE_ROWS).
 */
import type { GetRow } from "./isolation-table";
import type { WriteRow } from "./isolation-writes";

export const PROJECT_ROWS: GetRow[] = [];

export const PROJECT_WRITES: WriteRow[] = [];
