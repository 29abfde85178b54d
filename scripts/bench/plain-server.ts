/**
 * The benchmark's plain node:http baseline: the same main queries and rows as the bare Remix
 * route (main-queries.server.ts), without Express or Remix. Started by the benchmark:
 *
 *   DATABASE_PATH=data/scale/100k.sqlite PORT=3102 node --import tsx scripts/bench/plain-server.ts
 */
import http from "node:http";
import { getDb } from "~/modules/db/connection.server";
import { answerBaseline } from "./main-queries.server";

getDb();
const port = Number(process.env.PORT) || 3102;
http
  .createServer((req, res) => {
    const url = new URL(req.url ?? "/", `http://${req.headers.host ?? "127.0.0.1"}`);
    const page = url.pathname.replace(/^\/bench-baseline\//, "");
    const answer = (form: URLSearchParams | null) => {
      try {
        const { status, html } = answerBaseline(page, url, form);
        res.writeHead(status, { "Content-Type": "text/html; charset=utf-8" }).end(html);
      } catch (error) {
        console.error(error);
        res.writeHead(500).end("Internal Server Error");
      }
    };
    if (req.method !== "POST") return answer(null);
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => answer(new URLSearchParams(Buffer.concat(chunks).toString("utf8"))));
  })
  .listen(port, "127.0.0.1", () => console.log(`Baseline listening on http://127.0.0.1:${port}`));
