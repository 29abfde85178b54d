/**
 * The portal's HTTP server: prepares the database (migrate; demo data on a brand-new one), refuses
 * cross-site writes, serves static files and hands everything else to Remix.
 *
 * Production runs it compiled (`npm run build` → build/server.js, started with plain node). Every
 * file it reads — the Remix build, public/, the migrations — is found from the working directory
 * (the project root), never from this file's own location, so source and compiled server agree.
 */
import path from "node:path";
import url from "node:url";
import { createRequestHandler } from "@remix-run/express";
import { broadcastDevReady, type ServerBuild } from "@remix-run/node";
import express from "express";
import { isSameOriginWrite } from "./app/modules/auth/origin.server";
import { getDb } from "./app/modules/db/connection.server";

const BUILD_PATH = path.resolve("build/index.js");
const mode = process.env.NODE_ENV === "production" ? "production" : "development";

const db = getDb();
// The demo seed, with all the demo data it carries, is loaded only for a database without a
// county: a restart of a portal in use does not pay for importing it.
if (process.env.DEMO_DATA !== "off" && db.$client.prepare("select 1 from counties limit 1").get() === undefined) {
  const { seedDemoData } = await import("./db/seed/seed.server");
  if (await seedDemoData(db)) console.log("Demo data loaded: sign in as xh.pl / demo-2026 (see README).");
}

const build = (await import(url.pathToFileURL(BUILD_PATH).href)) as ServerBuild;

const app = express();
app.disable("x-powered-by");
if (process.env.TRUST_PROXY) app.set("trust proxy", process.env.TRUST_PROXY);

app.use((req, res, next) => {
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("Referrer-Policy", "same-origin");
  const host = (app.get("trust proxy") && req.get("x-forwarded-host")) || req.get("host");
  if (!isSameOriginWrite(req.method, req.get("origin"), host)) {
    res.status(403).type("text/plain; charset=utf-8").send("403 禁止跨站提交 / Cross-site request refused");
    return;
  }
  // The address the audit log and sign-in throttling see; a client cannot supply its own.
  req.headers["x-portal-client-address"] = req.ip ?? req.socket.remoteAddress ?? "";
  next();
});

app.use(build.publicPath, express.static(build.assetsBuildDirectory, { immutable: true, maxAge: "1y" }));
app.use(express.static("public", { maxAge: "1h" }));
app.all("*", createRequestHandler({ build, mode }));

const port = Number(process.env.PORT) || 3000;
app.listen(port, () => {
  console.log(`Portal listening on http://localhost:${port}`);
  if (mode === "development") broadcastDevReady(build);
});
