import type { Express } from 'express';

export interface AppRoute { method: string; path: string }

interface Layer { route?: { path: string | string[]; methods: Record<string, boolean> }; handle?: { stack?: Layer[]; router?: { stack?: Layer[] } } }

/**
 * Every route the Express app answers (method + path, OpenAPI style: `:year` → `{year}`), walking
 * into nested routers and the API entry (createApp's `enterApi.router`).
 */
export function listRoutes(app: Express): AppRoute[] {
  const out: AppRoute[] = [];
  const walk = (stack: Layer[] | undefined) => {
    for (const layer of stack ?? []) {
      if (layer.route) {
        for (const p of [layer.route.path].flat()) {
          for (const [method, on] of Object.entries(layer.route.methods)) {
            if (on && method !== '_all') out.push({ method, path: p.replace(/:(\w+)/g, '{$1}') });
          }
        }
      } else {
        walk(layer.handle?.stack ?? layer.handle?.router?.stack);
      }
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack);
  return out;
}
