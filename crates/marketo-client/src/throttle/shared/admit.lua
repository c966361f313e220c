-- mkto shared limiter: admit one call (slot lease + daily unit + window place), all or nothing.
-- KEYS[1] window (ZSET call id -> expiry ms)   KEYS[2] leases (ZSET call id -> lease expiry ms)
-- KEYS[3] day counter of the caller's quota day   KEYS[4] quota-spent marker   KEYS[5] cap (HASH cap, through)
-- ARGV[1] call id   ARGV[2] window ms   ARGV[3] margin ms   ARGV[4] calls per window   ARGV[5] concurrency
-- ARGV[6] lease ttl ms   ARGV[7] daily quota   ARGV[8] quota day start ms   ARGV[9] quota day end ms
-- ARGV[10] longest wait to suggest for a slot, ms
-- Returns {status, server time ms, value}:
--   0 admitted (value: the window place's expiry)   1 window full (value: ms until a place frees)
--   2 slots full (value: ms to wait)   3 quota spent by a 607 (value: reset time ms)   4 wrong quota day (value: 0)
--   5 the daily quota counted out (value: the quota day's end ms)
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)

local function keep_for(key, ms)
  if redis.call('PTTL', key) < ms then redis.call('PEXPIRE', key, ms) end
end

local spent = redis.call('GET', KEYS[4])
if spent then return {3, now, tonumber(spent)} end
local day_start, day_end = tonumber(ARGV[8]), tonumber(ARGV[9])
if now < day_start or now >= day_end then return {4, now, 0} end
if tonumber(redis.call('GET', KEYS[3]) or '0') >= tonumber(ARGV[7]) then return {5, now, day_end} end

redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', now)
if redis.call('ZCARD', KEYS[2]) >= tonumber(ARGV[5]) then
  local first = redis.call('ZRANGE', KEYS[2], 0, 0, 'WITHSCORES')
  local wait = math.min(tonumber(ARGV[10]), tonumber(first[2]) - now)
  return {2, now, math.max(wait, 1)}
end

redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
local limit = tonumber(ARGV[4])
local cap = math.min(tonumber(redis.call('HGET', KEYS[5], 'cap') or limit), limit)
local held = redis.call('ZCARD', KEYS[1])
if held >= cap then
  local frees = redis.call('ZRANGE', KEYS[1], held - cap, held - cap, 'WITHSCORES')
  return {1, now, math.max(tonumber(frees[2]) - now, 1)}
end

local window_ms, margin_ms, ttl = tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[6])
local expiry = now + window_ms + margin_ms
redis.call('ZADD', KEYS[1], expiry, ARGV[1])
keep_for(KEYS[1], window_ms + margin_ms + 60000)
redis.call('ZADD', KEYS[2], now + ttl, ARGV[1])
keep_for(KEYS[2], ttl + 60000)
redis.call('INCR', KEYS[3])
redis.call('PEXPIREAT', KEYS[3], day_end + 86400000)
return {0, now, expiry}
