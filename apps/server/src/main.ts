import { loadConfig } from './config.ts';
import { createLogger } from './logger.ts';
import { startServer } from './startServer.ts';
import { startupFailure } from './startupFailure.ts';

let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig();
} catch (error) {
  console.error(`Configuration error: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
}

const logger = createLogger(config.logLevel);
process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection'));
process.on('uncaughtException', (error) => logger.fatal({ err: error }, 'uncaught exception'));

let server: Awaited<ReturnType<typeof startServer>>;
try {
  server = await startServer(config, { logger });
} catch (error) {
  // A damaged database is the operator's to fix: one line saying what to do, not a stack trace.
  const line = startupFailure(error, config);
  if (line) console.error(line);
  else logger.fatal({ err: error }, 'start failed');
  process.exit(1);
}
logger.info({ url: server.url, port: server.port, dataDir: config.dataDir }, 'listening');

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, 'shutting down');
  const timer = setTimeout(() => {
    logger.error('graceful shutdown timed out; exiting');
    process.exit(1);
  }, config.shutdownTimeoutMs);
  timer.unref();
  try {
    await server.close();
    logger.info('stopped');
    process.exit(0);
  } catch (error) {
    logger.error({ err: error }, 'shutdown failed');
    process.exit(1);
  }
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
