-- mkto shared limiter: renew the slot leases of calls still running. A lease that already lapsed is not
-- brought back (its slot may have gone to another job).
-- KEYS[1] leases   ARGV[1] lease ttl ms   ARGV[2..] call ids
-- Returns how many leases were renewed.
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local ttl = tonumber(ARGV[1])
local renewed = 0
for i = 2, #ARGV do
  local score = redis.call('ZSCORE', KEYS[1], ARGV[i])
  if score and tonumber(score) > now then
    redis.call('ZADD', KEYS[1], 'XX', now + ttl, ARGV[i])
    renewed = renewed + 1
  end
end
if renewed > 0 and redis.call('PTTL', KEYS[1]) < ttl + 60000 then redis.call('PEXPIRE', KEYS[1], ttl + 60000) end
return renewed
