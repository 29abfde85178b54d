/**
 * Run as a separate process by the concurrency test: opens the database at DATABASE_PATH and
 * creates COUNT hazard records as USERNAME, each in its own write transaction, as fast as it can.
 * Prints the reference numbers it got, one per line.
 */
import { writeTransaction } from "~/modules/db/connection.server";
import { createRecord } from "~/modules/records/create.server";
import { viewerOf } from "./demo";

const count = Number(process.env.COUNT ?? 10);
const viewer = viewerOf(process.env.USERNAME_TO_USE ?? "xh.pl");
const pactId = process.env.PACT_ID ? Number(process.env.PACT_ID) : null;

for (let i = 0; i < count; i++) {
  const result = writeTransaction((tx) =>
    createRecord(tx, viewer, {
      workflow: "hazard",
      pactId,
      title: `并发测试 ${process.pid}-${i}`,
      description: "",
      regionId: null,
      placeText: "",
      status: "reported",
    }),
  );
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  console.log(result.refNo);
}
