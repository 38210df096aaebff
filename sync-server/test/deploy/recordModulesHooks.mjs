/** Resolve hook of recordModules.mjs (runs on node's loader thread). */
import { appendFileSync } from 'node:fs';

let log;
let pid;
export function initialize(data) {
  log = data.log;
  pid = data.pid;
}

export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  appendFileSync(log, `${pid} ${result.url}\n`);
  return result;
}
