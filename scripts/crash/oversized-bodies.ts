/**
 * Bodies that once took the portal down, sent as a client that does not care would send them:
 * a form of millions of empty fields and a single field of hundreds of megabytes, streamed in
 * chunks without a declared length (so no length check can refuse them up front) or with one.
 * Used by the request-limit tests and by the crash scenario, which sends them between kills.
 */
import http from "node:http";

export interface OversizedAnswer {
  /** The HTTP status, or null when the connection ended without one. */
  status: number | null;
  body: string;
  /** Bytes of the body written before the server answered or closed. */
  sent: number;
}

/** `count` empty fields, `&&&…`: 3 million are about 9 MB. */
export function* manyEmptyFields(count: number, chunkFields = 65_536): Generator<Buffer> {
  for (let left = count; left > 0; left -= chunkFields) yield Buffer.from("a=&".repeat(Math.min(chunkFields, left)));
}

/** One field `name` of `megabytes` MB, urlencoded. */
export function* oneHugeField(megabytes: number, name = "username"): Generator<Buffer> {
  yield Buffer.from(`${name}=`);
  const mb = Buffer.alloc(1024 * 1024, "x");
  for (let i = 0; i < megabytes; i++) yield mb;
}

/**
 * POSTs the chunks to `url` and resolves with the answer. Writing stops as soon as the server
 * answers or closes; a body the server refused early is never sent whole.
 */
export function postStreamed(
  url: string,
  chunks: Iterable<Buffer>,
  headers: Record<string, string>,
): Promise<OversizedAnswer> {
  return new Promise((resolve) => {
    let sent = 0;
    let settled = false;
    let answered = false;
    const settle = (answer: OversizedAnswer) => {
      if (settled) return;
      settled = true;
      resolve(answer);
    };
    const request = http.request(url, { method: "POST", headers, agent: false });
    request.on("response", (response) => {
      answered = true;
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (text: string) => (body += text.slice(0, Math.max(0, 200_000 - body.length))));
      const done = () => {
        settle({ status: response.statusCode ?? null, body, sent });
        request.destroy(); // never send the rest of the body
      };
      response.on("end", done);
      response.on("error", done);
      response.on("close", done);
    });
    request.on("error", () => settle({ status: null, body: "", sent }));
    request.on("close", () => (answered ? undefined : settle({ status: null, body: "", sent })));
    // Like a browser, the client reads while it sends: each chunk waits for the event loop, so an
    // early answer is seen (and the sending stopped) as soon as it arrives.
    request.flushHeaders(); // a body declared but not (yet) sent: the server sees the headers
    const send = async () => {
      for (const chunk of chunks) {
        if (answered || request.destroyed) return;
        sent += chunk.length;
        const more = request.write(chunk);
        await new Promise((resume) => (more ? setImmediate(resume) : request.once("drain", resume)));
      }
      // A body shorter than the length it declared is not ended: the answer is waited for.
      if (!answered && !request.destroyed && headers["Content-Length"] === undefined) request.end();
    };
    void send();
  });
}
