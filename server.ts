/**
 * The portal's HTTP server: prepares the database (migrate; demo data on a brand-new one), sets the
 * security headers, refuses cross-site writes, serves static files and hands everything else to
 * Remix (with the request's script nonce in the load context).
 *
 * Production runs it compiled (`npm run build` → build/server.js, started with plain node). Every
 * file it reads — the Remix build, public/, the migrations — is found from the working directory
 * (the project root), never from this file's own location, so source and compiled server agree.
 */
import path from "node:path";
import url from "node:url";
import { broadcastDevReady, type ServerBuild } from "@remix-run/node";
import express from "express";
import { authConfig } from "./app/modules/auth/config.server";
import { isSameOriginWrite, portalOrigin, publicOrigin, trustProxySetting } from "./app/modules/auth/origin.server";
import { getDb } from "./app/modules/db/connection.server";
import { bodyLimitFor, countedBody } from "./app/modules/http/body-limits.server";
import { remixRequestHandler, tooLargePage } from "./app/modules/http/remix-handler.server";
import { appResponseHeaders, securityHeaders, securityLoadContext } from "./app/modules/http/security-headers.server";

const BUILD_PATH = path.resolve("build/index.js");
const mode = process.env.NODE_ENV === "production" ? "production" : "development";
publicOrigin(); // a malformed PUBLIC_ORIGIN stops the start here, not every write later

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
if (process.env.TRUST_PROXY) app.set("trust proxy", trustProxySetting(process.env.TRUST_PROXY));
app.use(securityHeaders({ https: authConfig().secureCookies }));

app.use((req, res, next) => {
  const host = (app.get("trust proxy") && req.get("x-forwarded-host")?.split(",")[0].trim()) || req.get("host");
  if (!isSameOriginWrite(req.method, req.get("origin"), portalOrigin(req.protocol, host))) {
    res.status(403).type("text/plain; charset=utf-8").send("403 禁止跨站提交 / Cross-site request refused");
    return;
  }
  // The address the audit log and sign-in throttling see; a client cannot supply its own.
  req.headers["x-portal-client-address"] = req.ip ?? req.socket.remoteAddress ?? "";
  next();
});

// Body limits before anything parses a body: a declared length over the route's limit is refused
// at once; every other body reaches Remix through a counter that stops at the same limit.
app.use((req, res, next) => {
  if (req.method === "GET" || req.method === "HEAD") return next();
  const limit = bodyLimitFor(req.path, req.get("content-type"));
  const declared = Number(req.get("content-length"));
  if (Number.isFinite(declared) && declared > limit) return tooLargePage(req, res);
  res.locals.body = countedBody(req, limit);
  next();
});

app.use(build.publicPath, express.static(build.assetsBuildDirectory, { immutable: true, maxAge: "1y" }));
app.use(express.static("public", { maxAge: "1h" }));
app.all("*", appResponseHeaders(), remixRequestHandler(build, mode, securityLoadContext));

const port = Number(process.env.PORT) || 3000;
// HOST=127.0.0.1 behind a reverse proxy: nobody reaches the portal around it (or forges its headers).
const listening = () => {
  console.log(`Portal listening on http://${process.env.HOST || "localhost"}:${port}`);
  if (mode === "development") broadcastDevReady(build);
};
if (process.env.HOST) app.listen(port, process.env.HOST, listening);
else app.listen(port, listening);
