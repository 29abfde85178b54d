import { useRouteLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { DEFAULT_LOCALE, formatDate, formatDateTime, translator, type Locale } from "./index";

/** The current language, as the root loader decided it. */
export function useLocale(): Locale {
  const data = useRouteLoaderData<{ locale: Locale }>("root");
  return data?.locale ?? DEFAULT_LOCALE;
}

/** `t(key, params)` plus date formatting in the current language. */
export function useT() {
  const locale = useLocale();
  return useMemo(() => {
    const t = translator(locale);
    return Object.assign(t, {
      locale,
      dateTime: (ms: number) => formatDateTime(ms, locale),
      date: (iso: string) => formatDate(iso, locale),
    });
  }, [locale]);
}
