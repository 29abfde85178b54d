/**
 * What the home page shows a viewer: their county, themselves, the county's active pacts, the
 * pacts waiting for this county's signature (county admins sign) and the proposals this county
 * signed that still wait for others (for those who manage pacts). Member pacts only.
 */
import { todayInChina } from "~/i18n";
import { isCountyAdmin, mayManagePacts } from "~/modules/access/capabilities";
import type { Viewer } from "~/modules/auth/viewer";
import { activePactsOf, pactsAwaitingOthers, pendingCountersignatures } from "./pacts.server";
import { countyProfileOf } from "~/modules/tenancy/counties.server";

export function homeOverviewOf(viewer: Viewer, today = todayInChina()) {
  return {
    county: countyProfileOf(viewer),
    person: { displayName: viewer.displayName, title: viewer.title, roles: viewer.roles },
    activePacts: activePactsOf(viewer, today),
    /** Only county admins sign for the county; null when the viewer does not sign. */
    awaitingOurSignature: isCountyAdmin(viewer.roles) ? pendingCountersignatures(viewer, today) : null,
    /** Null when the viewer does not manage pacts. */
    awaitingOthers: mayManagePacts(viewer.roles) ? pactsAwaitingOthers(viewer, today) : null,
  };
}

export type HomeOverview = ReturnType<typeof homeOverviewOf>;
