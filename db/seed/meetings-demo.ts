import type { Tx } from "../../app/modules/db/connection.server";

/** The meeting demo; written by the meetings module's seed (see DOMAIN.md section 4). */
export function seedMeetingDemo(_tx: Tx, _now: number): void {}
