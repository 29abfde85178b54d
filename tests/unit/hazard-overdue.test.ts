/** Overdue: an open hazard whose rectification deadline (the end of a Beijing day) has passed. */
import { describe, expect, it } from "vitest";
import { chinaDateOf, endOfChinaDay, isOverdue, startOfChinaDay } from "~/modules/hazards/deadlines";

describe("overdue", () => {
  const deadline = endOfChinaDay("2026-11-22");

  it("is false up to the last millisecond of the deadline day, true from the next", () => {
    expect(isOverdue({ status: "rectifying", dueAt: deadline }, deadline)).toBe(false);
    expect(isOverdue({ status: "rectifying", dueAt: deadline }, deadline + 1)).toBe(true);
    expect(deadline + 1).toBe(startOfChinaDay("2026-11-23"));
  });

  it("never for a closed hazard or one without a deadline", () => {
    const later = deadline + 30 * 86_400_000;
    expect(isOverdue({ status: "eliminated", dueAt: deadline }, later)).toBe(false);
    expect(isOverdue({ status: "dismissed", dueAt: deadline }, later)).toBe(false);
    expect(isOverdue({ status: "rectifying", dueAt: null }, later)).toBe(false);
    expect(isOverdue({ status: "verifying", dueAt: deadline }, later)).toBe(true);
  });

  it("the Beijing day of an instant", () => {
    expect(chinaDateOf(Date.UTC(2026, 10, 22, 16, 0))).toBe("2026-11-23");
    expect(chinaDateOf(deadline)).toBe("2026-11-22");
  });
});
