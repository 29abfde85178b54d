/**
 * The script nonce of the page being rendered on the server (from the load context, see
 * server.ts), for Remix's <Scripts> and <ScrollRestoration>. In the browser it is empty: a nonce
 * only matters for scripts in the HTML as served, and browsers hide it from the page anyway.
 */
import { createContext, useContext } from "react";

const NonceContext = createContext("");

export const NonceProvider = NonceContext.Provider;

export function useNonce(): string {
  return useContext(NonceContext);
}
