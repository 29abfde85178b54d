import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { PageHeader } from "~/components/ui/feedback";
import { useT } from "~/i18n/use-t";
import { requireUser } from "~/modules/auth/require-user.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const viewer = await requireUser(request);
  return { countyName: viewer.countyName };
}

export default function Home() {
  const t = useT();
  const data = useLoaderData<typeof loader>();
  return <PageHeader title={t("nav.home")}>{data.countyName}</PageHeader>;
}
