// Preloaded into a spawned service (NODE_OPTIONS=--import=…): when the process exits, writes the
// packages it loaded through the CommonJS loader (every package the start-up tests look for is
// CommonJS) to LOADED_PACKAGES_FILE, one name a line.
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const file = process.env.LOADED_PACKAGES_FILE;
if (file) {
  process.on('exit', () => {
    const names = new Set();
    for (const path of Object.keys(require.cache)) {
      // Code only: the ORM reads its sibling packages' package.json to compare versions.
      if (path.endsWith('.json')) continue;
      // The innermost node_modules folder names the package a file belongs to.
      const parts = path.split('/node_modules/');
      const rest = parts.length > 1 ? parts[parts.length - 1] : null;
      if (!rest) continue;
      const segments = rest.split('/');
      names.add(segments[0].startsWith('@') ? `${segments[0]}/${segments[1]}` : segments[0]);
    }
    writeFileSync(file, [...names].sort().join('\n'));
  });
}
