/**
 * The package registry this project installs from serves native packages only for the platform
 * it runs on (linux x64). `npm install` then leaves the other platforms' optional packages (for
 * rollup, tailwind's oxide, …) out of package-lock.json, and `npm ci` refuses the lock as out of
 * sync. This adds an entry for each missing optional platform package with its `os`/`cpu`, so
 * `npm ci` sees a complete lock and skips them as it would on any other machine.
 *
 * Run after changing dependencies:  npm install && node scripts/lockfile-platforms.mjs
 */
import fs from "node:fs";

const LOCK = new URL("../package-lock.json", import.meta.url);
const lock = JSON.parse(fs.readFileSync(LOCK, "utf8"));
const packages = lock.packages;

const OSES = ["android", "darwin", "freebsd", "linux", "win32", "openbsd", "netbsd", "sunos", "aix", "openharmony"];
const CPUS = ["arm64", "arm", "x64", "ia32", "riscv64", "s390x", "ppc64", "loong64", "mips64el", "wasm32"];

function platformOf(name) {
  const parts = name.split("/").pop().split("-");
  const os = OSES.find((o) => parts.includes(o));
  const cpu = CPUS.find((c) => parts.includes(c));
  if (!cpu) return null;
  const entry = { cpu: [cpu] };
  if (os) entry.os = [os];
  if (parts.includes("musl") || parts.includes("musleabihf")) entry.libc = ["musl"];
  else if (os === "linux" && (parts.includes("gnu") || parts.includes("gnueabihf"))) entry.libc = ["glibc"];
  return entry;
}

let added = 0;
for (const [path, pkg] of Object.entries(packages)) {
  for (const [name, version] of Object.entries(pkg.optionalDependencies ?? {})) {
    const prefix = path ? `${path}/node_modules/` : "node_modules/";
    if (packages[`${prefix}${name}`] || packages[`node_modules/${name}`]) continue;
    const platform = platformOf(name);
    if (!platform) continue;
    packages[`node_modules/${name}`] = { version, ...platform, dev: pkg.dev, optional: true };
    if (!pkg.dev) delete packages[`node_modules/${name}`].dev;
    added++;
  }
}

fs.writeFileSync(LOCK, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`package-lock.json: ${added} optional platform packages recorded`);
