// After tsc: the files the compiled code reads beside itself (locales, the share page's stylesheet and
// icon, the password worker) copied into dist/ at the same relative paths. Plain node, no loader.
import { cpSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const ASSET = /\.(ftl|css|svg|mjs)$/;

function copyAssets(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) copyAssets(path);
    else if (ASSET.test(name)) cpSync(path, join(root, 'dist', relative(root, path)));
  }
}

for (const dir of ['src', 'bot']) copyAssets(join(root, dir));
