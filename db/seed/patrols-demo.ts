import type { Tx } from "../../app/modules/db/connection.server";

/** The patrol demo; written by the patrols module's seed (see DOMAIN.md section 4). */
export function seedPatrolDemo(_tx: Tx, _now: number): void {}
