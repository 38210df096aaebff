import { fileURLToPath } from 'node:url';
import { dirname } from 'node:path';

/** Absolute path of the seeds folder. */
export const SEEDS_DIR = dirname(fileURLToPath(import.meta.url));

/** Programs the seed data covers. */
export const PROGRAMS = [
  { code: 'PWR-2022-2024', title: 'Program Wspierania Rodziny dla Gminy Miejskiej Kraków na lata 2022-2024', years: [2022, 2024] as [number, number] },
];
