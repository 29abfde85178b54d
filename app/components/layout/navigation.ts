import type { MessageKey } from "~/i18n";
import { can, isCountyAdmin, workflowsAllowing, type Role } from "~/modules/access/capabilities";

export interface NavItem {
  to: string;
  label: MessageKey;
  /** A count the menu shows next to the label (hidden at 0). */
  count?: "inbox";
}

/** The menu: only what exists and what the viewer's roles may open. */
export function navigationFor(roles: readonly Role[]): NavItem[] {
  const items: NavItem[] = [{ to: "/", label: "nav.home" }];
  if (workflowsAllowing(roles, "view").length > 0) items.push({ to: "/inbox", label: "nav.inbox", count: "inbox" });
  if (can(roles, "hazard", "view")) items.push({ to: "/hazards", label: "nav.hazards" });
  if (can(roles, "dispute", "view")) items.push({ to: "/disputes", label: "nav.disputes" });
  if (can(roles, "notice", "view")) items.push({ to: "/notices", label: "nav.notices" });
  if (can(roles, "patrol", "view")) items.push({ to: "/patrols", label: "nav.patrols" });
  if (can(roles, "meeting", "view")) items.push({ to: "/meetings", label: "nav.meetings" });
  if (can(roles, "project", "view")) items.push({ to: "/projects", label: "nav.projects" });
  if (workflowsAllowing(roles, "view").length > 0) {
    items.push({ to: "/search", label: "nav.search" }, { to: "/stats", label: "nav.stats" });
  }
  items.push({ to: "/pacts", label: "nav.pacts" }, { to: "/liaisons", label: "nav.liaisons" });
  if (isCountyAdmin(roles)) {
    items.push(
      { to: "/admin", label: "nav.admin" },
      { to: "/admin/users", label: "nav.users" },
      { to: "/admin/regions", label: "nav.regions" },
      { to: "/admin/audit", label: "nav.audit" },
    );
  }
  return items;
}
