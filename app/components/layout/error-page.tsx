import { Link, isRouteErrorResponse, useRouteError } from "@remix-run/react";
import { useT } from "~/i18n/use-t";

/** What a user sees when something fails: a status, a sentence in their language, a way home. */
export function ErrorPage() {
  const error = useRouteError();
  const t = useT();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const key = status === 404 || status === 403 || status === 413 ? status : status >= 500 ? 500 : "other";
  const title = t(`error.${key}.title` as const);
  const body = t(`error.${key === "other" ? 500 : key}.body` as const);
  return (
    <div className="mx-auto max-w-lg py-12 text-center" data-testid="error-page">
      <p className="text-5xl font-bold text-slate-300">{status}</p>
      <h1 className="mt-4 text-xl font-semibold text-slate-900">{title}</h1>
      <p className="mt-2 text-slate-600">{body}</p>
      <Link to="/" className="mt-6 inline-block text-brand-700 underline">
        {t("error.backHome")}
      </Link>
    </div>
  );
}
