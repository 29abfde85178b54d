/**
 * Parties' personal data (phone, ID number) is shown in full only to mediators and political-legal
 * staff of the lead county and to members of the joint mediation committee handling the dispute.
 * Everyone else sees it masked: 138****1234. Every page, export and printout goes through here.
 */
import { and, eq } from "drizzle-orm";
import { jointBodyMembers } from "~db/schema";
import type { Viewer } from "~/modules/auth/viewer";
import { getDb } from "~/modules/db/connection.server";

export interface DisputeCustody {
  leadCountyId: number;
  committeeId: number | null;
}

/** Whether the viewer may read the parties' phone and ID numbers of this dispute in full. */
export function mayReadPersonalData(viewer: Viewer, dispute: DisputeCustody): boolean {
  const leadHandler =
    viewer.countyId === dispute.leadCountyId && (viewer.roles.includes("mediator") || viewer.roles.includes("pl_staff"));
  if (leadHandler) return true;
  if (dispute.committeeId == null) return false;
  return !!getDb()
    .select({ userId: jointBodyMembers.userId })
    .from(jointBodyMembers)
    .where(and(eq(jointBodyMembers.bodyId, dispute.committeeId), eq(jointBodyMembers.userId, viewer.userId)))
    .get();
}

/** 13812341234 → 138****1234; short numbers keep only their last two characters. */
export function maskPhone(phone: string): string {
  const digits = phone.trim();
  if (digits === "") return "";
  if (digits.length >= 7) return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
  return `${"*".repeat(Math.max(0, digits.length - 2))}${digits.slice(-2)}`;
}

/** 18-digit ID number → first 3 and last 4 kept: 431************123X. */
export function maskIdNumber(id: string): string {
  const value = id.trim();
  if (value === "") return "";
  if (value.length <= 7) return "*".repeat(value.length);
  return `${value.slice(0, 3)}${"*".repeat(value.length - 7)}${value.slice(-4)}`;
}

export interface PartyRow {
  id: number;
  name: string;
  countyId: number;
  village: string;
  phone: string;
  idNumber: string;
}

/** The parties as this viewer may see them. */
export function partiesFor<P extends PartyRow>(viewer: Viewer, dispute: DisputeCustody, parties: P[]): (P & { masked: boolean })[] {
  const full = mayReadPersonalData(viewer, dispute);
  return parties.map((p) =>
    full ? { ...p, masked: false } : { ...p, phone: maskPhone(p.phone), idNumber: maskIdNumber(p.idNumber), masked: true },
  );
}
