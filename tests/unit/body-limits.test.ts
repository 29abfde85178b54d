/**
 * The server decides a body's limit from the path alone, before Remix matches a route: the table
 * of routes whose forms carry files must name exactly the routes that read such forms.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { acceptsFiles, bodyLimitFor, PLAIN_FORM_BYTES, routePath, uploadBodyBytes } from "~/modules/http/body-limits.server";

/** `hazards.$hazardId.tsx` → `/hazards/12`, `meetings.actions.$actionId.tsx` → `/meetings/actions/12`. */
function examplePath(routeFile: string): string {
  const segments = routeFile.replace(/\.tsx$/, "").split(".").filter((s) => s !== "_index");
  return "/" + segments.map((s) => (s.startsWith("$") ? "12" : s.replace(/_$/, ""))).join("/");
}

const ROUTES = path.resolve("app/routes");
const routeFiles = fs.readdirSync(ROUTES).filter((f) => f.endsWith(".tsx") && f !== "$.tsx");

describe("body limits by route", () => {
  it("names every route whose action reads a form with files, and no other", () => {
    for (const file of routeFiles) {
      const source = fs.readFileSync(path.join(ROUTES, file), "utf8");
      const readsFiles = /readRecordPageForm\(/.test(source);
      expect(acceptsFiles(examplePath(file)), `${file} (${examplePath(file)})`).toBe(readsFiles);
    }
  });

  it("gives files room only in a multipart form, and single-fetch paths the limit of their page", () => {
    expect(bodyLimitFor("/hazards/12", "multipart/form-data; boundary=x")).toBe(uploadBodyBytes());
    expect(bodyLimitFor("/hazards/12.data", "multipart/form-data; boundary=x")).toBe(uploadBodyBytes());
    expect(bodyLimitFor("/hazards/12", "application/x-www-form-urlencoded")).toBe(PLAIN_FORM_BYTES);
    expect(bodyLimitFor("/login", "multipart/form-data; boundary=x")).toBe(PLAIN_FORM_BYTES);
    expect(bodyLimitFor("/hazards/12/agreement", "multipart/form-data; boundary=x")).toBe(PLAIN_FORM_BYTES);
    expect(routePath("/_root.data")).toBe("/_root");
    expect(routePath("/hazards/new/")).toBe("/hazards/new");
  });
});
