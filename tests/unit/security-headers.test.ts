/**
 * The security-header module on its own: the page policy and its nonce, the headers of every
 * response (HSTS only over HTTPS), the headers of a served file, and how TRUST_PROXY is read.
 */
import { describe, expect, it } from "vitest";
import { trustProxySetting } from "~/modules/auth/origin.server";
import { baseSecurityHeaders, fileResponseHeaders, newCspNonce, pagePolicy, PERMISSIONS_POLICY } from "~/modules/http/security-headers.server";

describe("security headers", () => {
  it("a nonce is 128 random bits, fresh each time", () => {
    const nonces = new Set(Array.from({ length: 200 }, newCspNonce));
    expect(nonces.size).toBe(200);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64").length).toBe(16);
  });

  it("the page policy allows the portal's own files and the nonce, and nothing inline", () => {
    const policy = pagePolicy("abc123==");
    expect(policy).toBe(
      "default-src 'self'; script-src 'self' 'nonce-abc123=='; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
    );
  });

  it("HSTS only when the portal is served over HTTPS", () => {
    expect(baseSecurityHeaders({ https: true })["Strict-Transport-Security"]).toBe("max-age=31536000; includeSubDomains");
    expect(baseSecurityHeaders({ https: false })).not.toHaveProperty("Strict-Transport-Security");
    expect(baseSecurityHeaders({ https: false })).toMatchObject({
      "X-Content-Type-Options": "nosniff",
      "X-Frame-Options": "DENY",
      "Referrer-Policy": "same-origin",
      "Cross-Origin-Opener-Policy": "same-origin",
      "Content-Security-Policy": "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    });
  });

  it("no powerful feature is on: camera, microphone, location, payment, USB…", () => {
    const features = new Map(PERMISSIONS_POLICY.split(", ").map((f) => f.split("=") as [string, string]));
    for (const feature of ["camera", "microphone", "geolocation", "payment", "usb", "serial", "hid", "bluetooth", "display-capture"]) {
      expect(features.get(feature), feature).toBe("()");
    }
    expect(features.get("fullscreen")).toBe("(self)");
  });

  it("a served file is sandboxed, never sniffed nor stored, with the disposition given", () => {
    expect(fileResponseHeaders("application/pdf", "inline; filename=\"a.pdf\"")).toEqual({
      "Content-Type": "application/pdf",
      "Content-Disposition": "inline; filename=\"a.pdf\"",
      "Content-Security-Policy": "sandbox",
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "no-store",
    });
  });

  it("TRUST_PROXY=1 means one proxy hop, not the address 0.0.0.1", () => {
    expect(trustProxySetting("1")).toBe(1);
    expect(trustProxySetting(" 2 ")).toBe(2);
    expect(trustProxySetting("loopback")).toBe("loopback");
    expect(trustProxySetting("10.0.0.0/8, ::1")).toBe("10.0.0.0/8, ::1");
    expect(trustProxySetting(undefined)).toBe(false);
    expect(trustProxySetting("")).toBe(false);
  });
});
