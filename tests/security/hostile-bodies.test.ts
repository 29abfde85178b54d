/**
 * Bodies that are not forms, posted to every form action: no or another Content-Type, multipart
 * without its boundary, cut short or with garbage between boundaries. Each answers a 4xx and
 * writes nothing (the action never gets a form to act on).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ORIGIN, sessionCookieFor } from "../integration/helpers/requests";
import { ACTION_ENTRIES } from "./hostile/catalogue-actions";
import { BOOKKEEPING } from "./hostile/journal";
import { expectSafeAnswer, fcParams, printSummaryAfterAll } from "./hostile/runner";
import { useHostileWorld, world } from "./hostile/world";

useHostileWorld();
printSummaryAfterAll("malformed bodies");

/** A Content-Type and a body that together are no form. */
const malformed = fc.oneof(
  fc.constant<[string | null, string]>([null, "intent=thread&body=x"]),
  fc.constantFrom<[string | null, string]>(
    ["application/json", '{"intent":"thread","body":"x"}'],
    ["text/plain", "intent=thread"],
    ["multipart/form-data", "--x\r\nContent-Disposition: form-data; name=\"intent\"\r\n\r\nthread\r\n--x--\r\n"],
    ["multipart/form-data; boundary=x", "garbage"],
    ["multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"intent\"\r\n\r\nthre"],
    ["multipart/form-data; boundary=x", "--x\r\nContent-Disposition: form-data; name=\"files\"; filename=\"a.jpg\"\r\nContent-Type: image/jpeg\r\n\r\n\xff\xd8"],
    ["multipart/form-data; boundary=\"", "--\r\n"],
  ),
  fc.tuple(fc.constantFrom("multipart/form-data; boundary=x", "multipart/mixed; boundary=x", "application/xml"), fc.string({ unit: "binary", maxLength: 200 })).map(([t, b]): [string, string] => [t, b]),
);

/** Routes that read a form (sign-out reads none: it signs out whatever the body). */
const READERS = ACTION_ENTRIES.filter((e) => e.route !== "logout");

describe("hostile input: bodies that are not forms", () => {
  it("every form action answers a 4xx to a body it cannot read as a form, and writes nothing", async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(READERS.length - 1), malformed, async (index, [type, body]) => {
        const entry = READERS[index];
        const address = entry.at(world)[0];
        const headers: Record<string, string> = { Origin: ORIGIN };
        if (type) headers["Content-Type"] = type;
        if (entry.username) headers.Cookie = await sessionCookieFor(entry.username);
        const request = new Request(new URL(address.path, ORIGIN), { method: "POST", headers, body });
        const { answer, writes } = await expectSafeAnswer(`${entry.route} with ${type} ${JSON.stringify(body.slice(0, 40))}`, entry.route, "action", request, address.params);
        expect(answer.status, `${entry.route}: ${answer.status}`).toBeGreaterThanOrEqual(400);
        expect(writes.filter((w) => !BOOKKEEPING.has(w.table))).toEqual([]);
      }),
      fcParams(150),
    );
  });
});
