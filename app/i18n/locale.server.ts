import { DEFAULT_LOCALE, isLocale, translator, type Locale } from "./index";

export const LOCALE_COOKIE = "lang";

/** The language a request asks for: the `lang` cookie set by the switch, else zh-CN. */
export function getLocale(request: Request): Locale {
  const cookie = request.headers.get("Cookie") ?? "";
  const match = cookie.match(/(?:^|;\s*)lang=([^;]+)/);
  const value = match ? decodeURIComponent(match[1]) : undefined;
  return isLocale(value) ? value : DEFAULT_LOCALE;
}

export function getTranslator(request: Request) {
  return translator(getLocale(request));
}

export function localeCookie(locale: Locale): string {
  return `${LOCALE_COOKIE}=${encodeURIComponent(locale)}; Path=/; Max-Age=31536000; SameSite=Lax`;
}
