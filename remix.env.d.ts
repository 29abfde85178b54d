/// <reference types="@remix-run/dev" />
/// <reference types="@remix-run/node" />

declare module "@remix-run/server-runtime" {
  interface Future {
    v3_singleFetch: true;
  }
  interface AppLoadContext {
    /** This request's script nonce (server.ts); absent when Remix is called without the server. */
    cspNonce?: string;
  }
}

export {};
