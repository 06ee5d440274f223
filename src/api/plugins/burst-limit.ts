// Counts a request against its burst bucket and writes the RateLimit-* headers, on success and error alike.
import type { FastifyReply } from 'fastify';
import type { Clock } from '../../limits/clock.ts';
import type { RateLimitDecision, RateLimiter } from '../../limits/limiter.ts';
import { RateLimitError, ServiceUnavailableError } from '../../errors.ts';

export async function applyBurstLimit(
  limiter: RateLimiter,
  clock: Clock,
  bucketKey: string,
  reply: FastifyReply,
): Promise<RateLimitDecision> {
  let decision: RateLimitDecision;
  try {
    decision = await limiter.hit(bucketKey, clock.now());
  } catch (error) {
    // Limits must hold, so no request goes through uncounted; but say what is wrong instead of a bare 500.
    reply.log.error({ err: error }, 'rate-limit store unreachable');
    throw new ServiceUnavailableError('The service cannot check rate limits right now. Retry in a few seconds.', 5);
  }
  reply.header('RateLimit-Limit', String(decision.limit));
  reply.header('RateLimit-Remaining', String(decision.remaining));
  reply.header('RateLimit-Reset', String(decision.resetSeconds));
  if (!decision.allowed) {
    throw new RateLimitError(
      'rate_limit_exceeded',
      `Too many requests: the limit is ${decision.limit} per sliding window. Retry after ${decision.retryAfterSeconds} seconds.`,
      decision.retryAfterSeconds,
    );
  }
  return decision;
}

