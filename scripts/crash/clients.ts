/**
 * Clients of the crash scenario: demo users signed in over HTTP who keep reporting hazards and
 * posting thread messages (some with a photo) while the server is killed under them. Each write
 * carries a unique marker; the ledger sorts writes into acknowledged (the portal answered with its
 * success redirect), in doubt (the connection died first) and refused (any other answer).
 */
import { createHash } from "node:crypto";
import { seededRandom } from "../../db/seed/random";

/** A 1×1 PNG; a unique trailer after IEND makes every uploaded photo a file of its own. */
const PNG_1X1 = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);

export interface HazardWrite {
  kind: "hazard";
  client: number;
  title: string;
  /** The record id from the redirect, when acknowledged. */
  id?: number;
}

export interface MessageWrite {
  kind: "message";
  client: number;
  recordId: number;
  body: string;
  /** SHA-256 of the attached photo, when the message carried one. */
  photoSha256?: string;
}

export type Write = HazardWrite | MessageWrite;

export interface Ledger {
  acknowledged: Write[];
  inDoubt: Write[];
  refused: { write: Write; status: number; detail: string }[];
}

export function emptyLedger(): Ledger {
  return { acknowledged: [], inDoubt: [], refused: [] };
}

/** Opens whenever the portal has (re)started, so clients wait out a kill instead of spinning. */
export class PortalGate {
  private generation = 0;
  private waiters: { after: number; resolve: () => void }[] = [];
  closed = false;

  current(): number {
    return this.generation;
  }

  /** Called by the scenario after each successful start. */
  opened(): void {
    this.generation++;
    const ready = this.waiters.filter((w) => w.after < this.generation);
    this.waiters = this.waiters.filter((w) => w.after >= this.generation);
    for (const w of ready) w.resolve();
  }

  /** Ends the run: every waiting client is released. */
  close(): void {
    this.closed = true;
    for (const w of this.waiters) w.resolve();
    this.waiters = [];
  }

  /** Resolves once a start later than `generation` has happened (at once if it already has). */
  nextStart(generation: number): Promise<void> {
    if (this.closed || this.generation > generation) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ after: generation, resolve }));
  }
}

export interface ClientOptions {
  index: number;
  username: string;
  password: string;
  baseUrl: string;
  /** The pact hazards are shared under, so every client's county sees every record. */
  pactId: number;
  /** Marks this run's titles and messages. */
  tag: string;
  random: () => number;
  gate: PortalGate;
  ledger: Ledger;
  /** Records messages may be posted on; grows as hazards are acknowledged. */
  recordPool: number[];
  stop: () => boolean;
}

class ConnectionLost extends Error {}

/** The portal client of one user: a session cookie and same-origin form posts. */
export class PortalClient {
  private cookie = "";
  private seq = 0;

  constructor(private readonly o: ClientOptions) {}

  private async post(path: string, body: URLSearchParams | FormData): Promise<Response> {
    try {
      return await fetch(new URL(path, this.o.baseUrl), {
        method: "POST",
        redirect: "manual",
        headers: { Origin: new URL(this.o.baseUrl).origin, Cookie: this.cookie },
        body,
        signal: AbortSignal.timeout(30_000),
      });
    } catch (error) {
      throw new ConnectionLost(String(error));
    }
  }

  /** Signs in through /login (retrying across kills) and keeps the session cookie. */
  async signIn(): Promise<void> {
    for (;;) {
      const generation = this.o.gate.current();
      try {
        const form = new URLSearchParams({ username: this.o.username, password: this.o.password, redirectTo: "/" });
        const res = await this.post("/login", form);
        const session = res.headers.getSetCookie().find((c) => c.startsWith("portal_session="));
        await res.arrayBuffer();
        if (res.status >= 300 && res.status < 400 && session) {
          this.cookie = session.split(";")[0];
          return;
        }
        throw new Error(`sign-in of ${this.o.username} answered ${res.status}`);
      } catch (error) {
        if (!(error instanceof ConnectionLost)) throw error;
        await this.o.gate.nextStart(generation);
        if (this.o.gate.closed) throw new Error("run ended before sign-in");
      }
    }
  }

  private nextWrite(): Write {
    const n = ++this.seq;
    const { random, recordPool, tag, index } = this.o;
    if (recordPool.length === 0 || random() < 0.3) {
      return { kind: "hazard", client: index, title: `崩溃演练隐患 ${tag}-c${index}-${n}` };
    }
    const recordId = recordPool[Math.floor(random() * recordPool.length)];
    return { kind: "message", client: index, recordId, body: `崩溃演练留言 ${tag}-c${index}-${n}：界碑附近巡查情况已记录。` };
  }

  private async send(write: Write): Promise<Response> {
    if (write.kind === "hazard") {
      return this.post(
        "/hazards/new",
        new URLSearchParams({
          title: write.title,
          category: "fire",
          severity: "general",
          source: "grid_sweep",
          pactId: String(this.o.pactId),
          placeText: "两县交界山林",
          description: `演练：${write.title}，林下可燃物堆积。`,
        }),
      );
    }
    if (this.o.random() < 0.15) {
      const photo = Buffer.concat([PNG_1X1, Buffer.from(write.body)]);
      write.photoSha256 = createHash("sha256").update(photo).digest("hex");
      const form = new FormData();
      form.set("intent", "thread");
      form.set("body", write.body);
      form.append("files", new Blob([photo], { type: "image/png" }), "现场照片.png");
      return this.post(`/hazards/${write.recordId}`, form);
    }
    return this.post(`/hazards/${write.recordId}`, new URLSearchParams({ intent: "thread", body: write.body }));
  }

  /** The success answer of each write: a redirect to the record with its notice. */
  private acknowledged(write: Write, res: Response): boolean {
    const location = res.headers.get("location") ?? "";
    if (res.status < 300 || res.status >= 400) return false;
    if (write.kind === "hazard") {
      const m = /^\/hazards\/(\d+)\?notice=reported$/.exec(location);
      if (!m) return false;
      write.id = Number(m[1]);
      return true;
    }
    return location === `/hazards/${write.recordId}?notice=posted`;
  }

  /** Writes until told to stop; a write cut off by a kill waits for the next start. */
  async run(): Promise<void> {
    const { gate, ledger } = this.o;
    while (!this.o.stop()) {
      const write = this.nextWrite();
      const generation = gate.current();
      try {
        const res = await this.send(write);
        if (this.acknowledged(write, res)) {
          // The status line and Location are the acknowledgement; the (empty) body may be cut off.
          ledger.acknowledged.push(write);
          if (write.kind === "hazard") this.o.recordPool.push(write.id!);
          await res.arrayBuffer().catch(() => undefined);
        } else {
          const text = await res.text().catch(() => {
            throw new ConnectionLost("answer cut off");
          });
          ledger.refused.push({ write, status: res.status, detail: `${res.headers.get("location") ?? ""} ${text.slice(0, 300)}` });
        }
      } catch (error) {
        if (!(error instanceof ConnectionLost)) throw error;
        ledger.inDoubt.push(write);
        await gate.nextStart(generation);
      }
    }
  }
}
