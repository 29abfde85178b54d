/** The statistics export as a signed-in user downloads it: the loader's Response, or the Response it threw. */
import * as exportRoute from "~/routes/stats.export";
import { pactGet } from "./pact-requests";

export async function downloadStats(username: string, fields: Record<string, string>): Promise<Response> {
  const request = await pactGet(username, `/stats/export?${new URLSearchParams(fields)}`);
  try {
    return (await exportRoute.loader({ request, params: {}, context: {} } as never)) as Response;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}
