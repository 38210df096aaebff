import type { Response } from 'express';

/** Sends a finished file (built in memory first: a download is never half a file) under its real name. */
export function sendDownload(res: Response, buf: Buffer, type: string, filename: string): void {
  res.set({
    'Content-Type': type,
    // ASCII fallback plus RFC 5987 for the real name
    'Content-Disposition': `attachment; filename="${filename.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
    'Cache-Control': 'no-store',
  });
  res.send(buf);
}
