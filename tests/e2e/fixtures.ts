/**
 * `test` and `expect` for every browser test: the same as Playwright's, and a test fails when any
 * page it opened — in the default context or in one it made with `browser.newContext()` — broke
 * the Content-Security-Policy (a blocked script, style, image, connection, form or frame).
 * Violations are caught twice: the page's own `securitypolicyviolation` events (listened for
 * before any of the page's scripts run) and the browser's console reports of them.
 *
 * Specs import from here, never straight from "@playwright/test".
 */
import { expect, test as base, type Browser, type BrowserContext, type Page } from "@playwright/test";

export { expect };
export type { Page } from "@playwright/test";

interface Violation {
  page: string;
  what: string;
}

const REPORT = "__reportCspViolation";

/** Runs in every document before its own scripts. */
function listenForViolations(report: string) {
  document.addEventListener("securitypolicyviolation", (event) => {
    const send = (window as unknown as Record<string, ((v: string) => void) | undefined>)[report];
    send?.(`${event.effectiveDirective} blocked ${event.blockedURI || "inline"} (${event.sourceFile || location.href}:${event.lineNumber})`);
  });
}

async function watch(context: BrowserContext, violations: Violation[]) {
  await context.exposeBinding(REPORT, ({ page }, what: string) => {
    violations.push({ page: page.url(), what });
  });
  await context.addInitScript(listenForViolations, REPORT);
  const onPage = (page: Page) =>
    page.on("console", (message) => {
      if (/Content[- ]Security[- ]Policy/i.test(message.text())) violations.push({ page: page.url(), what: message.text() });
    });
  context.pages().forEach(onPage);
  context.on("page", onPage);
}

export const test = base.extend<{ cspViolations: Violation[] }>({
  cspViolations: [
    async ({ browser, context }, use) => {
      const violations: Violation[] = [];
      await watch(context, violations);
      // Contexts the test makes itself (two counties side by side) are watched too.
      const newContext = browser.newContext.bind(browser);
      (browser as Browser).newContext = async (...args: Parameters<Browser["newContext"]>) => {
        const made = await newContext(...args);
        await watch(made, violations);
        return made;
      };
      try {
        await use(violations);
      } finally {
        browser.newContext = newContext;
      }
      expect(violations, "Content-Security-Policy violations on the pages this test visited").toEqual([]);
    },
    { auto: true },
  ],
});
