import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.ts';

describe('loadConfig', () => {
  it('defaults to an embedded SQLite database on port 3000', () => {
    const config = loadConfig({});
    expect(config.databaseUrl).toBe('sqlite:./data/jfi.sqlite');
    expect(config.port).toBe(3000);
    expect(config.rateLimit).toEqual({ max: 120, windowMs: 60_000 });
  });

  it('names the variable when a value is wrong', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ JFI_GENERATOR: 'openai' })).toThrow(/JFI_LLM_BASE_URL/);
  });
});
