import type { Role } from "~/modules/access/capabilities";

/** The signed-in person a request acts for: who, which county, which roles. */
export interface Viewer {
  userId: string;
  username: string;
  displayName: string;
  title: string;
  countyId: number;
  countyName: string;
  countyShortCode: string;
  roles: Role[];
  /** An administrator set the password: until the user chooses their own, nothing else opens. */
  mustChangePassword: boolean;
  sessionId: string;
  /** The client's address, for the audit log. */
  ip: string | null;
}
