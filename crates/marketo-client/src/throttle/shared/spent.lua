-- mkto shared limiter: Marketo answered 607. No job calls until the quota day turns.
-- KEYS[1] quota-spent marker   ARGV[1] reset time ms (next midnight America/Chicago)
-- Returns 1 when the marker was set, 0 when the reset has already passed.
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local reset = tonumber(ARGV[1])
if reset <= now then return 0 end
redis.call('SET', KEYS[1], reset)
redis.call('PEXPIREAT', KEYS[1], reset)
return 1
