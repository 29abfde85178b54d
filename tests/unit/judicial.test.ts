/** The 30-day window for judicial confirmation: Beijing calendar days, the last day inclusive. */
import { describe, expect, it } from "vitest";
import { JUDICIAL_STATES } from "~db/schema/disputes";
import { todayInChina } from "~/i18n";
import {
  addDays, answerDateError, applicationDateError, isIsoDate, JUDICIAL_STATUSES, judicialDaysLeft, judicialDeadline,
  judicialWindowClosingSoon, judicialWindowOpen, mayMoveJudicial, signedOnRangeClosingSoon,
} from "~/modules/disputes/judicial";

describe("the window", () => {
  it("runs 30 days from the day after signing; the last day counts", () => {
    expect(judicialDeadline("2026-03-01")).toBe("2026-03-31");
    expect(judicialDeadline("2026-02-10")).toBe("2026-03-12");
    expect(judicialDeadline("2024-02-10")).toBe("2024-03-11"); // leap year
    expect(judicialDeadline("2026-12-15")).toBe("2027-01-14");
    expect(judicialWindowOpen("2026-03-01", "2026-03-01")).toBe(true);
    expect(judicialWindowOpen("2026-03-01", "2026-03-31")).toBe(true);
    expect(judicialWindowOpen("2026-03-01", "2026-04-01")).toBe(false);
    expect(judicialWindowOpen("2026-03-01", "2026-02-28")).toBe(false);
    expect(judicialDaysLeft("2026-03-01", "2026-03-31")).toBe(0);
    expect(judicialDaysLeft("2026-03-01", "2026-04-01")).toBe(-1);
    expect(judicialDaysLeft("2026-03-01", "2026-03-01")).toBe(30);
  });

  it("counts Beijing days: 23:30 UTC is already the next day in Beijing", () => {
    const lateUtc = Date.parse("2026-03-31T23:30:00Z"); // 1 April, 07:30 in Beijing
    expect(todayInChina(lateUtc)).toBe("2026-04-01");
    expect(judicialWindowOpen("2026-03-01", todayInChina(lateUtc))).toBe(false);
    const earlyUtc = Date.parse("2026-03-31T15:59:00Z"); // 31 March, 23:59 in Beijing
    expect(judicialWindowOpen("2026-03-01", todayInChina(earlyUtc))).toBe(true);
  });

  it("warns when the last day is within the next seven days and nobody has applied", () => {
    const soon = (signedOn: string, today: string, judicialStatus = "not_applied" as const) =>
      judicialWindowClosingSoon({ signedOn, judicialStatus }, today);
    expect(soon("2026-03-01", "2026-03-24")).toBe(false); // 7 days left
    expect(soon("2026-03-01", "2026-03-25")).toBe(true); // 6 days left
    expect(soon("2026-03-01", "2026-03-31")).toBe(true); // last day
    expect(soon("2026-03-01", "2026-04-01")).toBe(false); // closed
    expect(judicialWindowClosingSoon({ signedOn: "2026-03-01", judicialStatus: "applied" }, "2026-03-30")).toBe(false);
    const range = signedOnRangeClosingSoon("2026-03-31");
    expect(range).toEqual({ from: "2026-03-01", to: "2026-03-07" });
    expect(soon(range.from, "2026-03-31")).toBe(true);
    expect(soon(range.to, "2026-03-31")).toBe(true);
    expect(soon(addDays(range.to, 1), "2026-03-31")).toBe(false);
    expect(soon(addDays(range.from, -1), "2026-03-31")).toBe(false);
  });
});

describe("steps and dates", () => {
  it("apply once, then one answer", () => {
    expect(JUDICIAL_STATUSES).toEqual(JUDICIAL_STATES);
    expect(mayMoveJudicial("not_applied", "applied")).toBe(true);
    expect(mayMoveJudicial("applied", "confirmed")).toBe(true);
    expect(mayMoveJudicial("applied", "rejected")).toBe(true);
    expect(mayMoveJudicial("not_applied", "confirmed")).toBe(false);
    expect(mayMoveJudicial("confirmed", "rejected")).toBe(false);
    expect(mayMoveJudicial("applied", "applied")).toBe(false);
  });

  it("an application inside the window and not in the future; an answer after it", () => {
    expect(applicationDateError("2026-03-01", "2026-03-31", "2026-04-10")).toBeNull();
    expect(applicationDateError("2026-03-01", "2026-04-01", "2026-04-10")).toBe("afterWindow");
    expect(applicationDateError("2026-03-01", "2026-02-28", "2026-04-10")).toBe("beforeSigning");
    expect(applicationDateError("2026-03-01", "2026-03-10", "2026-03-09")).toBe("inFuture");
    expect(answerDateError("2026-03-10", "2026-03-09", "2026-04-01")).toBe("beforeApplication");
    expect(answerDateError("2026-03-10", "2026-04-02", "2026-04-01")).toBe("inFuture");
    expect(answerDateError("2026-03-10", "2026-03-10", "2026-04-01")).toBeNull();
  });

  it("dates are real calendar dates", () => {
    expect(isIsoDate("2026-02-28")).toBe(true);
    expect(isIsoDate("2026-02-30")).toBe(false);
    expect(isIsoDate("2026-2-3")).toBe(false);
    expect(isIsoDate("")).toBe(false);
  });
});
