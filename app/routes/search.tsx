import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ErrorPage } from "~/components/layout/error-page";
import { SearchForm } from "~/components/records/search-form";
import { SearchResults, SearchStart } from "~/components/records/search-results";
import { Alert, PageHeader } from "~/components/ui/feedback";
import { getTranslator } from "~/i18n/locale.server";
import { useT } from "~/i18n/use-t";
import { workflowsAllowing } from "~/modules/access/capabilities";
import { denial } from "~/modules/access/policy.server";
import { requireUser } from "~/modules/auth/require-user.server";
import { readSearchParams, searchChoicesFor } from "~/modules/search/filters.server";
import { searchRecords } from "~/modules/search/search.server";

export const meta: MetaFunction = () => [{ title: "搜索 · 六联平台" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireUser(request);
  // A role that sees no workflow (the county's system administrator) has nothing to search.
  if (workflowsAllowing(viewer.roles, "view").length === 0) {
    denial(viewer, "page", "/search", "view");
    throw new Response("Forbidden", { status: 403 });
  }
  const t = getTranslator(request);
  const choices = searchChoicesFor(viewer);
  const { query, values, errors } = readSearchParams(new URL(request.url), choices, t);
  return {
    q: (values.q ?? "").trim(),
    values,
    errors,
    choices,
    results: query.terms.length > 0 ? searchRecords(viewer, query) : null,
  };
}

export default function SearchPage() {
  const t = useT();
  const { q, values, errors, choices, results } = useLoaderData<typeof loader>();
  const filterErrors = Object.keys(errors).some((k) => k !== "q");
  return (
    <div className="space-y-4">
      <PageHeader title={t("search.title")}>{t("search.intro")}</PageHeader>
      <SearchForm choices={choices} values={values} errors={errors} />
      {filterErrors ? <Alert tone="warning">{t("search.fixFilters")}</Alert> : null}
      {results ? <SearchResults q={q} results={results} /> : <SearchStart />}
    </div>
  );
}

export function ErrorBoundary() {
  return <ErrorPage />;
}
