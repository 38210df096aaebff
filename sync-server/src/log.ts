/** Structured logs: one JSON object per line on stdout. Never cell contents. */
export type LogEntry = Record<string, unknown> & { category?: string; level?: 'info' | 'warn' | 'error' };
export type Logger = (entry: LogEntry) => void;

export const jsonLogger: Logger = (entry) => {
  process.stdout.write(`${JSON.stringify({ t: new Date().toISOString(), level: 'info', ...entry })}\n`);
};

export const silentLogger: Logger = () => undefined;
