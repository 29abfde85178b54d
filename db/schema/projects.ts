import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { records } from "./records";
import { counties, users } from "./tenancy";

/** 产业 / 文化 / 教育 / 卫生 / 交通 / 生态 / 其他 */
export const PROJECT_FIELDS = ["industry", "culture", "education", "health", "roads", "ecology", "other"] as const;

/**
 * The project-specific part of a record (workflow `project`): a joint livelihood project. The
 * lead county is the record's owner; the partner counties are its addressees; the plan document
 * is an attachment in its thread.
 */
export const projectDetails = sqliteTable("project_details", {
  recordId: integer("record_id")
    .primaryKey()
    .references(() => records.id),
  field: text("field", { enum: PROJECT_FIELDS }).notNull(),
  /** Planned term, calendar dates (YYYY-MM-DD). */
  startsOn: text("starts_on"),
  endsOn: text("ends_on"),
  /** Funding in yuan (0 when none is stated). */
  budget: integer("budget").notNull().default(0),
  /** What each side contributes, in words. */
  contributions: text("contributions").notNull().default(""),
  /** When it reached completed (ms). */
  completedAt: integer("completed_at"),
});

/** Milestones of a project, with due dates; done when a county reports it done. */
export const projectMilestones = sqliteTable(
  "project_milestones",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    recordId: integer("record_id")
      .notNull()
      .references(() => records.id),
    position: integer("position").notNull(),
    title: text("title").notNull(),
    /** Calendar date (YYYY-MM-DD, Beijing). */
    dueOn: text("due_on").notNull(),
    responsibleCountyId: integer("responsible_county_id").references(() => counties.id),
    doneOn: text("done_on"),
    doneBy: text("done_by").references(() => users.id),
    note: text("note").notNull().default(""),
  },
  (t) => [index("project_milestones_record_idx").on(t.recordId, t.dueOn)],
);
