import type { Tx } from "../../app/modules/db/connection.server";

/** The project demo; written by the projects module's seed (see DOMAIN.md section 4). */
export function seedProjectDemo(_tx: Tx, _now: number): void {}
