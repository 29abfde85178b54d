/**
 * Online backup, safe while the portal runs:
 *
 *   npm run backup                           # → backups/portal-<UTC time>/ beside the database
 *   npm run backup -- --out /mnt/usb/portal-20261201
 *
 * Writes a folder with portal.sqlite (a consistent snapshot), files/ (the attachments) and
 * manifest.json (row counts and hashes of every table, hashes of every file), checks the copy
 * with integrity_check and records the backup in the audit log. DATABASE_PATH names the database
 * as for `npm start`. See README, section Backups.
 */
import { parseArgs } from "node:util";
import { backupPortal } from "../app/modules/db/backup.server";
import { databasePath } from "../app/modules/db/connection.server";

const { values } = parseArgs({ options: { out: { type: "string" }, operator: { type: "string" } } });

try {
  const started = performance.now();
  const { folder, manifest } = await backupPortal({ databasePath: databasePath(), out: values.out, operator: values.operator });
  const rows = Object.values(manifest.tables).reduce((n, t) => n + t.rows, 0);
  const bytes = manifest.files.reduce((n, f) => n + f.size, 0);
  console.log(`备份完成 / backup written: ${folder}`);
  console.log(
    `  ${Object.keys(manifest.tables).length} tables, ${rows} rows, database ${manifest.databaseBytes} bytes; ` +
      `${manifest.files.length} files, ${bytes} bytes; integrity_check ok; ${Math.round(performance.now() - started)} ms`,
  );
} catch (error) {
  console.error(`备份失败 / backup failed: ${(error as Error).message}`);
  process.exit(1);
}
