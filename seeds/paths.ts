import { fileURLToPath } from 'node:url';
import { basename, dirname } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
/** Absolute path of the seeds folder (also from the compiled seeds/dist/paths.js of `npm run build`). */
export const SEEDS_DIR = basename(here) === 'dist' ? dirname(here) : here;

/** Programs the seed data covers. */
export const PROGRAMS = [
  { code: 'PWR-2022-2024', title: 'Program Wspierania Rodziny dla Gminy Miejskiej Kraków na lata 2022-2024', years: [2022, 2024] as [number, number] },
];
