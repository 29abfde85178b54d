/**
 * Express to Remix: the request Remix sees, built as @remix-run/express builds it but with the
 * body taken from the server's byte counter (body-limits.server.ts) instead of the raw socket,
 * each request run in its own scope (files written while a form arrives are removed when the
 * response is done), and the short page answering a body refused before it was read.
 */
import type { Readable } from "node:stream";
import {
  createReadableStreamFromReadable,
  createRequestHandler,
  writeReadableStreamToWritable,
  type AppLoadContext,
  type ServerBuild,
} from "@remix-run/node";
import type { NextFunction, Request as ExpressRequest, Response as ExpressResponse } from "express";
import { openRequestScope } from "./request-scope.server";

function remixHeaders(incoming: ExpressRequest["headers"]): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming)) {
    for (const one of Array.isArray(value) ? value : value ? [value] : []) headers.append(name, one);
  }
  return headers;
}

async function sendRemixResponse(res: ExpressResponse, response: Response): Promise<void> {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [name, value] of response.headers.entries()) res.append(name, value);
  if (response.headers.get("Content-Type")?.match(/text\/event-stream/i)) res.flushHeaders();
  if (response.body) await writeReadableStreamToWritable(response.body, res);
  else res.end();
}

function remixRequest(req: ExpressRequest, res: ExpressResponse): Request {
  // req.hostname follows the "trust proxy" setting; the port comes from the (forwarded) Host.
  const port = (req.get("X-Forwarded-Host") ?? req.get("host") ?? "").split(":")[1];
  const url = new URL(`${req.protocol}://${req.hostname}${port ? `:${port}` : ""}${req.originalUrl}`);
  const controller = new AbortController();
  const init: RequestInit & { duplex?: "half" } = {
    method: req.method,
    headers: remixHeaders(req.headers),
    signal: controller.signal,
  };
  const body = res.locals.body as Readable | undefined;
  if (body) {
    init.body = createReadableStreamFromReadable(body);
    init.duplex = "half";
  }
  // Loaders and actions are aborted when the client goes away before the answer is written.
  let done = false;
  res.on("finish", () => (done = true));
  res.on("close", () => done || controller.abort());
  return new Request(url.href, init);
}

/** `loadContext` gives what loaders, actions and entry.server receive as `context` (the script nonce). */
export function remixRequestHandler(build: ServerBuild, mode: string, loadContext?: (res: ExpressResponse) => AppLoadContext) {
  const handle = createRequestHandler(build, mode);
  return async (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
    const scope = openRequestScope();
    res.on("close", scope.end);
    try {
      await scope.run(async () => {
        const response = await handle(remixRequest(req, res), loadContext?.(res));
        // A body left unread (refused, or not wanted by the route) is let go after the answer.
        if (res.locals.body && !req.complete) discardRestAfterAnswer(req, res);
        await sendRemixResponse(res, response);
      });
    } catch (error) {
      next(error);
    }
  };
}

const TOO_LARGE_PAGE = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>提交的内容过大</title></head>
<body>
<h1>413 提交的内容过大</h1>
<p>这次提交超过了允许的大小，未保存任何内容。请减少或压缩附件后返回重新提交。</p>
<p lang="en">Too much was sent: nothing was saved. Go back, send fewer or smaller files and try again.</p>
<p><a href="/">返回首页 / Home</a></p>
</body></html>`;

/** 413 for a body whose declared length is over the limit: answered at once, never read. */
export function tooLargePage(req: ExpressRequest, res: ExpressResponse): void {
  discardRestAfterAnswer(req, res);
  res.status(413).set("Cache-Control", "no-store").type("html").send(TOO_LARGE_PAGE);
}

/** What a client may still send after its body was refused before the connection is cut. */
const DISCARD_BYTES = 16 * 1024 * 1024;
const DISCARD_MS = 10_000;

/**
 * After the answer to a body the server did not read to its end: the rest is read and dropped
 * (closing a connection with data unread makes the client lose the answer), for at most a few
 * megabytes or seconds; then the connection is cut.
 */
function discardRestAfterAnswer(req: ExpressRequest, res: ExpressResponse): void {
  res.once("finish", () => {
    if (req.complete) return;
    let dropped = 0;
    const cut = () => req.socket.destroy();
    const timer = setTimeout(cut, DISCARD_MS);
    timer.unref();
    req.unpipe();
    req.on("data", (chunk: Buffer) => {
      dropped += chunk.length;
      if (dropped > DISCARD_BYTES) cut();
    });
    req.once("end", () => clearTimeout(timer));
    req.once("close", () => clearTimeout(timer));
    req.resume();
  });
}
