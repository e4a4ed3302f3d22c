import type { Express } from 'express';
import { z } from 'zod';

// The parts of Express 5's router layers we read; checked, not cast.
const routeLayer = z.object({
  route: z.object({ path: z.string(), methods: z.record(z.string(), z.boolean()) }),
});
const mountLayer = z.object({ rawPath: z.string(), handle: z.unknown() });

/** A router (a function or object) exposes its layers as `.stack`. */
function stackOf(value: unknown): unknown[] | null {
  if ((typeof value === 'function' || typeof value === 'object') && value !== null && 'stack' in value) {
    return Array.isArray(value.stack) ? value.stack : null;
  }
  return null;
}

function walk(stack: unknown[], prefix: string, out: Set<string>): void {
  for (const layer of stack) {
    const route = routeLayer.safeParse(layer);
    if (route.success) {
      for (const [method, on] of Object.entries(route.data.route.methods)) {
        if (on && method !== '_all') out.add(`${method.toUpperCase()} ${prefix}${route.data.route.path}`);
      }
      continue;
    }
    const mount = mountLayer.safeParse(layer);
    const inner = mount.success ? stackOf(mount.data.handle) : null;
    if (mount.success && inner) walk(inner, `${prefix}${mount.data.rawPath === '/' ? '' : mount.data.rawPath}`, out);
  }
}

/** Every "METHOD /path/{param}/" the Express app routes, in OpenAPI's path syntax. */
export function servedRoutes(app: Express): Set<string> {
  const raw = new Set<string>();
  walk(stackOf(app.router) ?? [], '', raw);
  return new Set([...raw].map((r) => r.replace(/:(\w+)/g, '{$1}')));
}
