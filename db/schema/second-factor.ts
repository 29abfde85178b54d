import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { users } from "./tenancy";

/**
 * A person's second factor: a TOTP secret (RFC 6238), encrypted with AES-256-GCM under the
 * portal's second-factor key, so a copy of the database alone does not reveal it. One per user;
 * a row without `confirmedAt` is an enrolment not yet confirmed with a code.
 */
export const secondFactors = sqliteTable("second_factors", {
  userId: text("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  /** base64url(iv | ciphertext | tag) of the base32 secret. */
  secret: text("secret").notNull(),
  confirmedAt: integer("confirmed_at"),
  /** The last 30-second time step whose code was accepted: that code and older ones are refused. */
  lastUsedStep: integer("last_used_step"),
  createdAt: integer("created_at").notNull(),
});

/** Ten one-time recovery codes per enrolled user, kept only as keyed hashes. */
export const recoveryCodes = sqliteTable(
  "recovery_codes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    usedAt: integer("used_at"),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("recovery_codes_user_idx").on(t.userId)],
);

/** Browsers where the user ticked "remember this device": the SHA-256 of the cookie's token. */
export const rememberedDevices = sqliteTable(
  "remembered_devices",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: integer("expires_at").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("remembered_devices_user_idx").on(t.userId)],
);

/**
 * A sign-in whose password was right and which now waits for the second factor (or for its
 * enrolment): the SHA-256 of the short-lived cookie's token. No session exists until it is done.
 */
export const pendingSignIns = sqliteTable(
  "pending_sign_ins",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    redirectTo: text("redirect_to").notNull().default("/"),
    expiresAt: integer("expires_at").notNull(),
    createdAt: integer("created_at").notNull(),
  },
  (t) => [index("pending_sign_ins_user_idx").on(t.userId)],
);
