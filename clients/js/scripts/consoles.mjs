// The consoles in src/Api/wwwroot run this package's built output, served as plain ES modules
// without a bundler: the one bare import (@microsoft/signalr) is pointed at the page's own copy of
// the SignalR browser build. The API's build runs this (`npm run consoles`) when the sources change.
import { readdir, readFile, writeFile, mkdir, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const dist = path.join(here, '..', 'dist');
const target = path.join(here, '..', '..', '..', 'src', 'Api', 'wwwroot', 'lib', 'broadcart-client');

const files = (await readdir(dist)).filter((f) => f.endsWith('.js'));
await rm(target, { recursive: true, force: true });
await mkdir(target, { recursive: true });
for (const f of files) {
  const text = await readFile(path.join(dist, f), 'utf8');
  await writeFile(path.join(target, f), text.replaceAll("from '@microsoft/signalr'", "from '/js/signalr-module.js'"));
}
console.log(`wrote ${files.length} files to ${target}`);
