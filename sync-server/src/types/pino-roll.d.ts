/** pino-roll ships no types: the part of its API the logger uses. */
declare module 'pino-roll' {
  import type { DestinationStream } from 'pino';
  interface RollOptions {
    file: string;
    frequency?: 'daily' | 'hourly' | number;
    size?: string | number;
    dateFormat?: string;
    extension?: string;
    mkdir?: boolean;
    symlink?: boolean;
    limit?: { count: number; removeOtherLogFiles?: boolean };
  }
  export default function roll(options: RollOptions): Promise<DestinationStream>;
}
