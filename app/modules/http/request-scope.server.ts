/**
 * What belongs to one request and ends with it: files a form wrote to disk while arriving. The
 * server runs each request in a scope and removes them when the response is done; code called
 * outside a server request (a test, a script) has them removed when the process exits.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import fs from "node:fs";

const scopes = new AsyncLocalStorage<Set<string>>();
const outsideRequests = new Set<string>();
let exitHook = false;

function removeAll(paths: Set<string>) {
  for (const file of paths) fs.rmSync(file, { force: true });
  paths.clear();
}

/** Runs `handle` in a scope of its own; call the returned `end` when the response is finished. */
export function openRequestScope(): { run<T>(handle: () => T): T; end(): void } {
  const paths = new Set<string>();
  return { run: (handle) => scopes.run(paths, handle), end: () => removeAll(paths) };
}

/**
 * A temporary file removed when the current request ends. Callbacks of streams run outside the
 * request's async context: take `removerForThisRequest()` first and call it from there.
 */
export function removeWhenRequestEnds(file: string): void {
  removerForThisRequest()(file);
}

export function removerForThisRequest(): (file: string) => void {
  const scope = scopes.getStore();
  return scope ? (file) => void scope.add(file) : removeAtExit;
}

function removeAtExit(file: string): void {
  outsideRequests.add(file);
  if (!exitHook) {
    exitHook = true;
    process.once("exit", () => removeAll(outsideRequests));
  }
}
