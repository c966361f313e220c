-- mkto shared limiter: a call ended. Frees its slot lease; when its answer did not count, gives back its window
-- place and daily unit; moves the shared adaptive cap (606 halves it, a call that got through helps it climb).
-- KEYS[1] window   KEYS[2] leases   KEYS[3] day counter of the call's quota day   KEYS[4] cap
-- ARGV[1] call id   ARGV[2] counted (1/0)   ARGV[3] answer (0 through, 1 = 606, 2 = 615)   ARGV[4] calls per window
-- Returns the cap after the call.
redis.call('ZREM', KEYS[2], ARGV[1])
if ARGV[2] == '0' then
  redis.call('ZREM', KEYS[1], ARGV[1])
  if tonumber(redis.call('GET', KEYS[3]) or '0') > 0 then redis.call('DECR', KEYS[3]) end
end
local limit = tonumber(ARGV[4])
local cap = math.min(tonumber(redis.call('HGET', KEYS[4], 'cap') or limit), limit)
if ARGV[3] == '1' then
  cap = math.max(1, math.floor(cap / 2))
  redis.call('HSET', KEYS[4], 'cap', cap, 'through', 0)
  redis.call('PEXPIRE', KEYS[4], 3600000)
elseif ARGV[3] == '0' and cap < limit then
  local through = redis.call('HINCRBY', KEYS[4], 'through', 1)
  if through >= cap then
    cap = cap + 1
    if cap >= limit then
      redis.call('DEL', KEYS[4])
    else
      redis.call('HSET', KEYS[4], 'cap', cap, 'through', 0)
    end
  end
end
return cap
