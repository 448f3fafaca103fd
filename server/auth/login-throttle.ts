import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { Redis } from 'ioredis';

/**
 * Failed logins only: per account (guessing one password) and per address (spraying many accounts).
 * Successful logins never count, so a whole floor behind one office NAT can sign in at 9:00.
 */
export interface LoginThrottleOptions {
  perAccount?: number;
  perAddress?: number;
  windowSeconds?: number;
}

export class LoginThrottle {
  private readonly account: RateLimiterRedis;
  private readonly address: RateLimiterRedis;

  constructor(redis: Redis, prefix: string, opts: LoginThrottleOptions = {}) {
    const duration = opts.windowSeconds ?? 15 * 60;
    this.account = new RateLimiterRedis({ storeClient: redis, keyPrefix: `${prefix}:login-fail-account`, points: opts.perAccount ?? 5, duration });
    this.address = new RateLimiterRedis({ storeClient: redis, keyPrefix: `${prefix}:login-fail-address`, points: opts.perAddress ?? 30, duration });
  }

  /** Seconds to wait before another attempt, or 0 when allowed. */
  async retryAfter(email: string, address: string): Promise<number> {
    const [acct, addr] = await Promise.all([this.account.get(email), this.address.get(address)]);
    const wait = [
      acct && acct.consumedPoints >= this.account.points ? acct.msBeforeNext : 0,
      addr && addr.consumedPoints >= this.address.points ? addr.msBeforeNext : 0,
    ];
    return Math.ceil(Math.max(...wait) / 1000);
  }

  async recordFailure(email: string, address: string): Promise<void> {
    await Promise.all([
      this.account.consume(email, 1).catch((e: unknown) => { if (!(e instanceof RateLimiterRes)) throw e; }),
      this.address.consume(address, 1).catch((e: unknown) => { if (!(e instanceof RateLimiterRes)) throw e; }),
    ]);
  }

  /** A correct password clears the account's failures (not the address's). */
  async recordSuccess(email: string): Promise<void> {
    await this.account.delete(email);
  }
}
