/**
 * /search through its loader with real signed-in Requests: what each county's people get back,
 * as the browser would receive it (the JSON of the loader's data).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "~db/schema";
import { findVisibleRecord } from "~/modules/access/policy.server";
import { getDb, writeTransaction } from "~/modules/db/connection.server";
import { createRecord, type NewRecordInput } from "~/modules/records/create.server";
import { postThreadEntry } from "~/modules/records/thread.server";
import { loader } from "~/routes/search";
import { countyIdOf, useDemoData, viewerOf } from "../setup/demo";
import { pactIdBetween } from "../setup/records";
import { expectData, expectStatus, getAs, routeArgs } from "./helpers/requests";

useDemoData();

function open(username: string, over: Partial<NewRecordInput> & { title: string }) {
  const result = writeTransaction((tx) =>
    createRecord(tx, viewerOf(username), { workflow: "hazard", pactId: null, description: "", regionId: null, placeText: "", status: "reported", ...over }),
  );
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result;
}

const search = async (username: string, query: string, locale?: "zh-CN" | "en") =>
  expectData(loader(routeArgs(await getAs(username, `/search${query}`, { locale }))));

let shared: { id: number; refNo: string };
let yp: { id: number; refNo: string };
const NOTE = "新晃内部：线索来自派出所，暂不通报对方。";

beforeAll(() => {
  shared = open("xh.pl", { pactId: pactIdBetween("XH", "TZ"), title: "边界山塘堤坝渗水", description: "渗水点位于两县交界，编号鼺鼺。" });
  const record = findVisibleRecord(viewerOf("tz.pl"), shared.id)!;
  postThreadEntry(viewerOf("tz.pl"), record, { body: "天柱已安排巡堤，堤坝渗水量不大。", internal: false });
  postThreadEntry(viewerOf("xh.pl"), record, { body: NOTE, internal: true });
  yp = open("yp.pl", { pactId: pactIdBetween("XH", "YP"), title: "皂角坪堤坝护栏缺失（鼺）" });
});

describe("GET /search", () => {
  it("without a query: the filters and a starting hint, no search", async () => {
    const data = await search("tz.pl", "");
    expect(data.results).toBeNull();
    expect(data.q).toBe("");
    expect(data.choices.workflows).toEqual(["hazard", "dispute", "notice", "patrol", "meeting", "project"]);
  });

  it("finds a shared record by a two-character word, with a snippet the viewer may read", async () => {
    const data = await search("tz.pl", `?q=${encodeURIComponent("鼺鼺")}`);
    expect(data.results!.hits.map((h) => h.refNo)).toEqual([shared.refNo]);
    expect(data.results!.total).toBe(1);
    expect(data.results!.hits[0].path).toBe(`/hazards/${shared.id}`);
  });

  it("never sends another county's internal note, hidden records or their count", async () => {
    const tz = await search("tz.pl", `?q=${encodeURIComponent("鼺")}`);
    const text = JSON.stringify(tz);
    expect(tz.results!.hits.map((h) => h.id)).toEqual([shared.id]);
    expect(text).not.toContain("线索来自派出所");
    expect(text).not.toContain(yp.refNo);
    expect(text).not.toContain("皂角坪堤坝");

    const ypAnswer = await search("yp.pl", `?q=${encodeURIComponent("鼺")}`);
    expect(ypAnswer.results).toMatchObject({ total: 1, hits: [{ id: yp.id }] });
    expect(JSON.stringify(ypAnswer)).not.toContain(shared.refNo);
    expect(JSON.stringify(ypAnswer)).not.toContain("渗水");
    expect(JSON.stringify(ypAnswer)).not.toContain("鼺鼺");

    const xh = await search("xh.pl", `?q=${encodeURIComponent("线索来自")}`);
    expect(xh.results!.hits).toMatchObject([{ id: shared.id, hitIn: "internal" }]);
  });

  it("ZJ gets no results and only its own county and pacts as choices", async () => {
    const data = await search("zj.pl", `?q=${encodeURIComponent("鼺")}`);
    expect(data.results).toMatchObject({ hits: [], total: 0 });
    expect(data.choices.counties).toEqual([{ id: countyIdOf("ZJ"), name: "芷江侗族自治县" }]);
    expect(data.choices.pacts).toEqual([]);
  });

  it("offers a county's own pacts and partners only; another pact in the URL is refused and left out", async () => {
    const data = await search("yp.pl", `?q=${encodeURIComponent("鼺")}&pact=${pactIdBetween("XH", "TZ")}`);
    expect(data.choices.pacts.map((p) => p.id)).toEqual([pactIdBetween("XH", "YP")]);
    expect(data.choices.counties.map((c) => c.id)).toEqual([countyIdOf("YP"), countyIdOf("XH")]);
    expect(data.errors.pact).toBe("请选择有效的选项");
    expect(data.results!.hits.map((h) => h.id)).toEqual([yp.id]);
  });

  it("offers only the workflows the role may view, and refuses others", async () => {
    const data = await search("tz.grid", `?q=${encodeURIComponent("鼺")}&workflow=notice`);
    expect(data.choices.workflows).toEqual(["hazard", "dispute"]);
    expect(data.errors.workflow).toBeTruthy();
    const mediator = await search("xh.mediator", `?q=${encodeURIComponent("鼺")}`);
    expect(mediator.results).toMatchObject({ hits: [], total: 0 });
  });

  it("filters by workflow, status, owner county and dates from the query string", async () => {
    const q = `?q=${encodeURIComponent("鼺")}`;
    const xhCounty = countyIdOf("XH");
    expect((await search("xh.pl", `${q}&workflow=hazard&status=reported&county=${xhCounty}`)).results!.hits.map((h) => h.id)).toEqual([shared.id]);
    expect((await search("xh.pl", `${q}&county=${countyIdOf("YP")}`)).results!.hits.map((h) => h.id)).toEqual([yp.id]);
    expect((await search("xh.pl", `${q}&status=eliminated`)).results!.total).toBe(0);
    expect((await search("xh.pl", `${q}&from=2000-01-01&to=2000-12-31`)).results!.total).toBe(0);
  });

  it("reports a bad date next to its field and searches without it", async () => {
    const data = await search("xh.pl", `?q=${encodeURIComponent("鼺")}&from=2026-02-30&to=2020-01-01`);
    expect(data.errors.from).toBe("请输入有效日期，如 2026-11-22");
    expect(data.results!.total).toBe(0);
    const reversed = await search("xh.pl", `?q=${encodeURIComponent("鼺")}&from=2026-02-01&to=2026-01-01`, "en");
    expect(reversed.errors.to).toBe("The end date cannot be before the start date");
    expect(reversed.values).toMatchObject({ from: "2026-02-01", to: "2026-01-01" });
  });

  it("takes a query of 100 characters at most", async () => {
    const data = await search("xh.pl", `?q=${"鼺".repeat(101)}`);
    expect(data.errors.q).toBe("关键词不能超过 100 个字");
    expect(data.results).toBeNull();
  });

  it("answers 403 to a county admin, whose role sees no workflow, and audits it", async () => {
    await expectStatus(loader(routeArgs(await getAs("xh.admin", "/search?q=x"))), 403);
    const last = getDb().select().from(auditLog).all().at(-1)!;
    expect(last).toMatchObject({ action: "access.denied", entityType: "page", entityId: "/search" });
  });

  it("sends anyone signed out to the sign-in page", async () => {
    const response = await expectStatus(loader(routeArgs(new Request("http://localhost/search?q=x"))), 302);
    expect(response.headers.get("Location")).toContain("/login");
  });
});
