import type { Logger } from 'pino';
import type { Config } from '../../config.ts';
import type { AccountStore } from '../AccountStore.ts';
import { authOptions } from '../authOptions.ts';
import { SecondFactor } from './SecondFactor.ts';
import { loadMfaKey, secretBox } from './secretBox.ts';

/** The second factor as the settings configure it, for the server and the admin CLI. */
export function secondFactorFor(config: Config, store: AccountStore, logger: Logger): SecondFactor {
  const { limits, sessionMaxAgeMs } = authOptions(config);
  return new SecondFactor({
    store,
    box: secretBox(loadMfaKey(config.mfaEncryptionKey, config.dataDir)),
    requireMfa: config.requireMfa,
    limits,
    sessionMaxAgeMs,
    logger,
  });
}
