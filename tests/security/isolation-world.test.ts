/** The isolation table is only as strong as what it forbids: check the rules themselves. */
import { describe, expect, it } from "vitest";
import { DEMO_HAZARDS } from "~db/seed/hazards-demo";
import { demoCaseTextHiddenFrom } from "./isolation-world";

const fireworks = DEMO_HAZARDS.find((h) => h.category === "fireworks" && h.owner === "XH" && h.pact === "XH-TZ")!;
const xhNote = fireworks.messages!.find((m) => m.internal)!.body;

describe("what the isolation table forbids in demo cases", () => {
  it("TZ may read the shared fireworks hazard but never XH's internal note on it", () => {
    const hidden = demoCaseTextHiddenFrom("TZ");
    expect(hidden).toContain(xhNote);
    expect(hidden).not.toContain(fireworks.title);
    expect(demoCaseTextHiddenFrom("XH")).not.toContain(xhNote);
  });

  it("YP never reads an XH–TZ hazard; ZJ never reads any", () => {
    expect(demoCaseTextHiddenFrom("YP")).toContain(fireworks.title);
    for (const h of DEMO_HAZARDS) expect(demoCaseTextHiddenFrom("ZJ")).toContain(h.title);
  });
});
