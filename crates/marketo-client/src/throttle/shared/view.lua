-- mkto shared limiter: what every job sees now (reads only).
-- KEYS[1] window   KEYS[2] leases   KEYS[3] day counter   KEYS[4] quota-spent marker   KEYS[5] cap
-- Returns {server time ms, window places held, cap or -1, day count, quota spent until ms or -1,
--          call id, call id, ... (every unexpired lease)}
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local out = {
  now,
  redis.call('ZCOUNT', KEYS[1], '(' .. now, '+inf'),
  tonumber(redis.call('HGET', KEYS[5], 'cap') or '-1'),
  tonumber(redis.call('GET', KEYS[3]) or '0'),
  tonumber(redis.call('GET', KEYS[4]) or '-1'),
}
for _, id in ipairs(redis.call('ZRANGEBYSCORE', KEYS[2], '(' .. now, '+inf')) do
  table.insert(out, id)
end
return out
