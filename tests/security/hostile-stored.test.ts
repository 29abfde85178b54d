/**
 * Hostile text that a form accepts is stored as text, exactly as typed (trimmed at both ends; a
 * lone UTF-16 surrogate, which UTF-8 cannot hold, becomes U+FFFD), and the page that shows it
 * escapes it: rendered through the route's own component, the HTML holds the escaped text and no
 * tag of its making.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { getDb } from "~/modules/db/connection.server";
import { getAs, postAs } from "../integration/helpers/requests";
import { HOSTILE_STRINGS, MARK, randomText } from "./hostile/arbitraries";
import { renderPage } from "./hostile/render";
import { callRoute, count, expectSafeAnswer, fcParams, printSummaryAfterAll } from "./hostile/runner";
import { useHostileWorld, world } from "./hostile/world";
import type { RouteKey } from "./isolation-routes";

useHostileWorld();
printSummaryAfterAll("stored verbatim, shown escaped");

const TAGS = ["<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>", "</textarea><script>alert('x')</script>", "<svg/onload=alert(1)>", "<a href=\"javascript:alert(1)\">x</a>"];

/** Text a form accepts (not blank, not too long) that carries a tag and other hostile parts. */
const acceptedText = (max: number) =>
  fc
    .tuple(fc.constantFrom(...TAGS), fc.constantFrom(...HOSTILE_STRINGS), randomText, fc.constantFrom(...TAGS))
    .map(([a, b, c, d]) => `${MARK}${a}${b}${c}${d}`.slice(0, max))
    .filter((s) => s.trim().length > 0);

/** What the database gives back for what was typed: trimmed, lone surrogates replaced. */
export function normalised(typed: string): string {
  return typed.trim().replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD");
}

/** React's escaping of text and attribute values. */
const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#x27;");

const TAG_OPENINGS = /<(script|img|svg|a href)/gi;

/** The HTML must hold the text escaped, and no tag the text brought. */
function expectEscaped(html: string, stored: string, baseline: string) {
  const firstLine = stored.split(/\r?\n|\r/)[0];
  expect(html, "the stored text, escaped").toContain(escapeHtml(firstLine).slice(0, 60));
  expect((html.match(TAG_OPENINGS) ?? []).length, "tags in the page beyond those of the empty page").toBe((baseline.match(TAG_OPENINGS) ?? []).length);
}

async function renderedPage(username: string, route: RouteKey, path: string, params: Record<string, string>): Promise<string> {
  const request = await getAs(username, path);
  const answer = await callRoute(route, "loader", request, params);
  expect(answer.kind, `${path} answered ${answer.status}`).toBe("data");
  return renderPage(route, request.url, answer.kind === "data" ? answer.data : null);
}

const lastRow = <T>(sql: string) => getDb().$client.prepare(sql).get() as T;

describe("hostile input: accepted text is stored verbatim and shown escaped", () => {
  it("a message in a hazard's thread", async () => {
    const hazardId = String(world.visible.hazard[0]);
    const path = `/hazards/${hazardId}`;
    const baseline = await renderedPage("xh.pl", "hazards.$hazardId", path, { hazardId });
    await fc.assert(
      fc.asyncProperty(acceptedText(5000), async (text) => {
        const request = await postAs("xh.pl", path, { intent: "thread", body: text });
        const { answer } = await expectSafeAnswer("thread message", "hazards.$hazardId", "action", request, { hazardId });
        expect(answer.status, JSON.stringify(answer.kind === "data" ? answer.data : "")).toBe(302);
        const stored = lastRow<{ body: string }>("select body from thread_entries order by id desc limit 1").body;
        expect(stored).toBe(normalised(text));
        expectEscaped(await renderedPage("xh.pl", "hazards.$hazardId", path, { hazardId }), stored, baseline);
        count("stored and rendered");
      }),
      fcParams(15),
    );
  });

  it("a hazard's title, place and description", async () => {
    await fc.assert(
      fc.asyncProperty(acceptedText(100), acceptedText(200), acceptedText(2000), async (title, placeText, description) => {
        const request = await postAs("xh.grid", "/hazards/new", { title, placeText, description, category: "fire", severity: "general", source: "grid_sweep", pactId: String(world.xhPacts[0]) });
        const { answer } = await expectSafeAnswer("hazard report", "hazards.new", "action", request);
        expect(answer.status, JSON.stringify(answer.kind === "data" ? answer.data : "")).toBe(302);
        const row = lastRow<{ id: number; title: string; place_text: string; description: string }>("select id, title, place_text, description from records order by id desc limit 1");
        expect(row.title).toBe(normalised(title));
        expect(row.place_text).toBe(normalised(placeText));
        expect(row.description).toBe(normalised(description));
        const hazardId = String(row.id);
        const html = await renderedPage("xh.pl", "hazards.$hazardId", `/hazards/${hazardId}`, { hazardId });
        expectEscaped(html, row.title, await renderedPage("xh.pl", "hazards.$hazardId", `/hazards/${world.visible.hazard[0]}`, { hazardId: String(world.visible.hazard[0]) }));
        // The list shows the title too.
        const list = await renderedPage("xh.pl", "hazards._index", "/hazards", {});
        expect((list.match(/<script/gi) ?? []).length).toBe(0);
        count("stored and rendered");
      }),
      fcParams(15),
    );
  });

  it("a village's name in the county's regions", async () => {
    const baseline = await renderedPage("xh.admin", "admin.regions._index", "/admin/regions", {});
    await fc.assert(
      fc.asyncProperty(acceptedText(64), async (name) => {
        const request = await postAs("xh.admin", "/admin/regions", { intent: "create", name, parentId: String(world.xhRegions[0]) });
        const { answer } = await expectSafeAnswer("region", "admin.regions._index", "action", request);
        if (answer.status !== 302) return; // a name already taken, or a parent that takes no children: a refusal, checked above
        const stored = lastRow<{ name: string }>("select name from regions order by id desc limit 1").name;
        expect(stored).toBe(normalised(name));
        const html = await renderedPage("xh.admin", "admin.regions._index", "/admin/regions", {});
        expect((html.match(TAG_OPENINGS) ?? []).length).toBe((baseline.match(TAG_OPENINGS) ?? []).length);
        expect(html).toContain(escapeHtml(stored.split(/\r?\n|\r/)[0]).slice(0, 30));
        count("stored and rendered");
      }),
      fcParams(15),
    );
  });
});
