/**
 * GET /files/:attachmentId — the file only for those who may read its entry in a record they may
 * see; everybody else gets the very 404 a missing id gets, recorded as the same denial.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { loader } from "~/routes/files.$attachmentId";
import { denialsOf } from "./helpers/pact-fixtures";
import { getAs, routeArgs, settle } from "./helpers/requests";
import { useDemoData } from "../setup/demo";
import { fixtureBytes, fixtureFile, openHazard, postFiles } from "../fixtures/threads";

useDemoData();

const ids = { photo: 0, pdf: 0, docx: 0, internal: 0, ypShared: 0, xhOnly: 0 };

beforeAll(async () => {
  const xhTz = openHazard({ pact: ["XH", "TZ"] });
  const shared = await postFiles("tz.grid", xhTz, [
    fixtureFile("photo.jpg", "现场照片 1.jpg"),
    fixtureFile("report.pdf", "整改通知书.pdf"),
    fixtureFile("notes.docx", "核查记录.docx"),
  ]);
  [ids.photo, ids.pdf, ids.docx] = shared.attachmentIds;
  ids.internal = (await postFiles("xh.pl", xhTz, [fixtureFile("photo.png", "内部.png")], { internal: true })).attachmentIds[0];
  ids.ypShared = (await postFiles("yp.pl", openHazard({ pact: ["XH", "YP"] }), [fixtureFile("photo.gif")])).attachmentIds[0];
  ids.xhOnly = (await postFiles("xh.grid", openHazard({ pact: null }), [fixtureFile("report.pdf")])).attachmentIds[0];
});

async function download(username: string, id: number | string, query = "", headers: Record<string, string> = {}) {
  const request = await getAs(username, `/files/${id}${query}`);
  for (const [k, v] of Object.entries(headers)) request.headers.set(k, v);
  const out = await settle(loader(routeArgs(request, { attachmentId: String(id) })));
  if (!(out instanceof Response)) throw new Error("the download route answers with a Response");
  return out;
}

async function expectHidden(username: string, id: number | string) {
  const response = await download(username, id);
  expect(response.status, `${username} on ${id}`).toBe(404);
  expect(await response.text()).toBe("Not Found");
}

describe("who may download", () => {
  it("both counties of the pact get the shared files", async () => {
    for (const user of ["xh.pl", "xh.grid", "xh.leader", "tz.pl", "tz.police", "tz.grid"]) {
      const response = await download(user, ids.photo);
      expect(response.status, user).toBe(200);
      expect(new Uint8Array(await response.arrayBuffer())).toEqual(new Uint8Array(fixtureBytes("photo.jpg")));
    }
  });

  it("an internal note's file: the author's county only", async () => {
    expect((await download("xh.grid", ids.internal)).status).toBe(200);
    for (const user of ["tz.pl", "tz.police", "tz.grid", "tz.leader"]) await expectHidden(user, ids.internal);
  });

  it("a county outside the record's pact gets nothing", async () => {
    for (const user of ["yp.pl", "yp.police", "yp.grid", "yp.leader"]) {
      await expectHidden(user, ids.photo);
      await expectHidden(user, ids.internal);
      await expectHidden(user, ids.xhOnly);
    }
    expect((await download("yp.grid", ids.ypShared)).status).toBe(200);
    await expectHidden("tz.pl", ids.ypShared);
    await expectHidden("tz.pl", ids.xhOnly);
  });

  it("ZJ, which has no pact, gets nothing at all; nor do roles that see no records", async () => {
    for (const user of ["zj.pl", "zj.police", "zj.grid", "zj.leader", "zj.admin", "xh.admin", "xh.mediator"]) {
      for (const id of Object.values(ids)) await expectHidden(user, id);
    }
  });

  it("a hidden file and a missing one answer and are recorded alike", async () => {
    await expectHidden("tz.pl", ids.internal);
    await expectHidden("tz.pl", 999_999);
    await expectHidden("tz.pl", "abc");
    expect(denialsOf("tz.pl", "attachment", ids.internal)).toHaveLength(2);
    expect(denialsOf("tz.pl", "attachment", 999_999)).toHaveLength(1);
    expect(denialsOf("tz.pl", "attachment", ids.internal)[0].after).toBe(denialsOf("tz.pl", "attachment", 999_999)[0].after);
  });

  it("every demo user × every file: only where they may see the record and read the entry", async () => {
    const readers: Record<keyof typeof ids, string[]> = {
      photo: ["XH", "TZ"], pdf: ["XH", "TZ"], docx: ["XH", "TZ"], internal: ["XH"], ypShared: ["XH", "YP"], xhOnly: ["XH"],
    };
    const seesHazards = ["pl", "police", "grid", "leader"];
    for (const county of ["xh", "tz", "yp", "zj"]) {
      for (const suffix of ["admin", "pl", "police", "mediator", "grid", "leader"]) {
        for (const [key, id] of Object.entries(ids) as [keyof typeof ids, number][]) {
          const allowed = seesHazards.includes(suffix) && readers[key].includes(county.toUpperCase());
          const response = await download(`${county}.${suffix}`, id);
          expect(response.status, `${county}.${suffix} on ${key}`).toBe(allowed ? 200 : 404);
          await response.arrayBuffer();
        }
      }
    }
  });

  it("nobody signed in: off to the sign-in page", async () => {
    const out = await settle(loader(routeArgs(new Request(`http://localhost/files/${ids.photo}`), { attachmentId: String(ids.photo) })));
    expect(out).toBeInstanceOf(Response);
    expect((out as Response).status).toBe(302);
    expect((out as Response).headers.get("Location")).toBe(`/login?redirectTo=${encodeURIComponent(`/files/${ids.photo}`)}`);
  });
});

describe("what the download looks like", () => {
  it("the stored type, length, no sniffing, sandboxed, never stored, a Chinese name per RFC 5987", async () => {
    const response = await download("tz.pl", ids.photo);
    expect(response.headers.get("Content-Type")).toBe("image/jpeg");
    expect(response.headers.get("Content-Length")).toBe(String(fixtureBytes("photo.jpg").length));
    expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expect(response.headers.get("Content-Security-Policy")).toBe("sandbox");
    expect(response.headers.get("Content-Disposition")).toBe(
      `attachment; filename="_ 1.jpg"; filename*=UTF-8''${encodeURIComponent("现场照片 1.jpg")}`,
    );
    await response.arrayBuffer();
  });

  it("inline only for images and PDF, and only when asked", async () => {
    const disposition = async (id: number, query: string) => {
      const response = await download("xh.pl", id, query);
      await response.arrayBuffer();
      return response.headers.get("Content-Disposition")!.split(";")[0];
    };
    expect(await disposition(ids.photo, "?inline=1")).toBe("inline");
    expect(await disposition(ids.pdf, "?inline=1")).toBe("inline");
    expect(await disposition(ids.pdf, "")).toBe("attachment");
    expect(await disposition(ids.docx, "?inline=1")).toBe("attachment");
    const docx = await download("xh.pl", ids.docx);
    expect(docx.headers.get("Content-Type")).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect(docx.headers.get("Content-Disposition")).toContain(`filename*=UTF-8''${encodeURIComponent("核查记录.docx")}`);
    await docx.arrayBuffer();
  });

  it("answers 304 to a browser that holds the same file, after the same checks", async () => {
    const first = await download("tz.pl", ids.pdf);
    const etag = first.headers.get("ETag")!;
    await first.arrayBuffer();
    expect((await download("tz.pl", ids.pdf, "", { "If-None-Match": etag })).status).toBe(304);
    await expectHidden("yp.pl", ids.pdf);
  });
});
