// A real Broadcart node for the client's tests: the API as built by ./test.sh (Debug), one process,
// co-hosted silo, dev tokens on, on free loopback ports; and a TCP hop in front of it that a test
// can cut, as a network failure does.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const dll = path.join(root, 'src/Api/bin/Debug/net10.0/Broadcart.Api.dll');

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Azurite's connection string, or a loud failure saying how to get one. */
export function blobConnectionString() {
  const value = process.env.BROADCART_TEST_BLOB;
  if (!value) throw new Error('Azurite is not running for this test: run ./test.sh (it installs and starts Azurite), or start azurite-blob and set BROADCART_TEST_BLOB');
  return value;
}

export async function startNode() {
  if (!existsSync(dll)) throw new Error(`${dll} is missing: build the solution first (./test.sh does: dotnet build Broadcart.slnx)`);
  const [http, silo, gateway] = [await freePort(), await freePort(), await freePort()];
  const child = spawn('dotnet', [dll, '--contentRoot', path.join(root, 'src/Api')], {
    env: {
      ...process.env,
      ASPNETCORE_URLS: `http://127.0.0.1:${http}`,
      ASPNETCORE_ENVIRONMENT: 'Testing',
      Auth__DevTokens: 'true',
      Auth__SigningKey: 'client-tests-signing-key-0123456789abcdef0123456789',
      Orleans__ClusterId: `js-client-${http}`,
      Orleans__SiloPort: String(silo),
      Orleans__GatewayPort: String(gateway),
      Dashboard__Enabled: 'false',
      Logging__LogLevel__Default: 'Warning',
      // Uploads and verification need Blob Storage: ./test.sh runs Azurite and says where.
      ...(process.env.BROADCART_TEST_BLOB ? { Blob__ConnectionString: process.env.BROADCART_TEST_BLOB, Verification__Container: `js-verification-${http}` } : {}),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${http}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the node exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${base}/health/ready`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error('the node did not get ready within 60 s');
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    base,
    async token(userId, roles = ['viewer'], region = 'US', name = userId) {
      const res = await fetch(`${base}/api/dev/token`, {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ userId, name, roles, region }),
      });
      if (!res.ok) throw new Error(`dev token: ${res.status}`);
      return (await res.json()).token;
    },
    async rest(method, route, token, body) {
      const res = await fetch(`${base}${route}`, {
        method, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      if (!res.ok) throw new Error(`${method} ${route}: ${res.status} ${text}`);
      return text ? JSON.parse(text) : null;
    },
    async stop() {
      child.kill('SIGTERM');
      await new Promise((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', resolve)));
    },
  };
}

/** A TCP hop to the node; cut() drops every connection through it, as a network failure does. */
export async function startHop(target) {
  const sockets = new Set();
  const { port: targetPort } = new URL(target);
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(targetPort), '127.0.0.1');
    sockets.add(client);
    sockets.add(upstream);
    client.pipe(upstream).pipe(client);
    const drop = () => { client.destroy(); upstream.destroy(); sockets.delete(client); sockets.delete(upstream); };
    client.on('error', drop); upstream.on('error', drop); client.on('close', drop); upstream.on('close', drop);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    cut() { for (const s of sockets) s.destroy(); sockets.clear(); },
    close() { this.cut(); return new Promise((resolve) => server.close(resolve)); },
  };
}

/** Resolves with the first payload that matches, or fails after the timeout. */
export function next(client, event, match = () => true, timeoutMs = 20_000) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { off(); reject(new Error(`no ${event} event matched within ${timeoutMs} ms`)); }, timeoutMs);
    const off = client.on(event, (payload) => {
      if (match(payload)) { clearTimeout(timer); off(); resolve(payload); }
    });
  });
}
