import { ROLES } from "../../app/modules/access/capabilities";
import {
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";

/** A county (县/区/自治县) is the tenant. */
export const counties = sqliteTable(
  "counties",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    name: text("name").notNull(),
    /** 6-digit administrative division code (GB/T 2260), e.g. 431229. */
    code: text("code").notNull(),
    province: text("province").notNull(),
    /** Short code used in reference numbers, e.g. XH. */
    shortCode: text("short_code").notNull(),
    createdAt: integer("created_at").notNull(),
    /**
     * Whether county administrators, police liaisons and political-legal staff must sign in with
     * a second factor. On by default (a real deployment); the demo counties turn it off.
     */
    secondFactorRequired: integer("second_factor_required", { mode: "boolean" }).notNull().default(true),
  },
  (t) => [
    uniqueIndex("counties_code_unique").on(t.code),
    uniqueIndex("counties_short_code_unique").on(t.shortCode),
  ],
);

/** The four-level network below a county: township/street → village/community → micro-grid. */
export const regions = sqliteTable(
  "regions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    countyId: integer("county_id")
      .notNull()
      .references(() => counties.id),
    parentId: integer("parent_id"),
    /** township | village | micro_grid */
    level: text("level", { enum: ["township", "village", "micro_grid"] }).notNull(),
    name: text("name").notNull(),
    isBorder: integer("is_border", { mode: "boolean" }).notNull().default(false),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    index("regions_county_idx").on(t.countyId),
    index("regions_parent_idx").on(t.parentId),
  ],
);

export const users = sqliteTable(
  "users",
  {
    id: text("id").primaryKey(),
    countyId: integer("county_id")
      .notNull()
      .references(() => counties.id),
    username: text("username").notNull(),
    displayName: text("display_name").notNull(),
    /** Job title shown next to the name, e.g. 凉伞镇综治专干. */
    title: text("title").notNull().default(""),
    phone: text("phone").notNull().default(""),
    passwordHash: text("password_hash").notNull(),
    disabled: integer("disabled", { mode: "boolean" }).notNull().default(false),
    /** Set when an administrator sets the password: the user must choose their own at next sign-in. */
    mustChangePassword: integer("must_change_password", { mode: "boolean" }).notNull().default(false),
    createdAt: integer("created_at").notNull(),
    updatedAt: integer("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("users_username_unique").on(t.username),
    index("users_county_idx").on(t.countyId),
  ],
);

export const userRoles = sqliteTable(
  "user_roles",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role", {
      enum: ROLES,
    }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.role] })],
);
