/**
 * Restores a backup made by `npm run backup` as the portal's database (DATABASE_PATH, as for
 * `npm start`). Stop the portal first.
 *
 *   npm run restore -- --from data/backups/portal-20261201-153000
 *   npm run restore -- --from <folder> --force      # replace an existing database (kept aside)
 *   npm run restore -- --from <folder> --to other.sqlite
 *
 * The backup is checked against its manifest before anything is touched. A database a running
 * portal holds open is never replaced; an existing one only with --force, and it is then kept as
 * <name>.replaced-<time>. See README, section Backups.
 */
import { parseArgs } from "node:util";
import { databasePath } from "../app/modules/db/connection.server";
import { restorePortal } from "../app/modules/db/restore.server";

const { values } = parseArgs({
  options: {
    from: { type: "string" },
    to: { type: "string" },
    force: { type: "boolean", default: false },
    operator: { type: "string" },
  },
});

if (!values.from) {
  console.error("用法 / usage: npm run restore -- --from <备份目录 backup folder> [--to <数据库文件>] [--force]");
  process.exit(2);
}

try {
  const result = restorePortal({ from: values.from, databasePath: values.to ?? databasePath(), force: values.force, operator: values.operator });
  console.log(`恢复完成 / restored ${values.from} (taken ${result.manifest.createdAt}) into ${result.databasePath}`);
  console.log(`  ${result.manifest.files.length} files in the backup, ${result.filesCopied} copied`);
  if (result.replacedBy) console.log(`  原数据库保留为 / the previous database is kept as ${result.replacedBy}`);
} catch (error) {
  console.error(`恢复未进行 / restore refused: ${(error as Error).message}`);
  process.exit(1);
}
