-- One page of the load benchmark (bench/load_bench.py runs one wrk per page, concurrently).
-- Arguments after "--": the Cookie header ("-" for a visitor), then one or more paths, which
-- the connections take in turn. done() prints one line "LOADJSON {...}" for load_bench.py.

local threads = {}
non200 = 0 -- a global, so that done() can read every thread's count with thread:get()

function setup(thread)
  table.insert(threads, thread)
end

local paths = {}
local counter = 0

function init(args)
  math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)") or "0", 16) % 100000)
  if args[1] and args[1] ~= "-" then
    wrk.headers["Cookie"] = args[1]
  end
  for i = 2, #args do
    paths[#paths + 1] = args[i]
  end
  if #paths == 0 then
    paths[1] = "/"
  end
end

-- Think time (LOAD_THINK_MS, set by load_bench.py --think): each connection then waits a
-- random 0.5x to 1.5x of it between an answer and its next request, like a person reading
-- the page. wrk does not count the wait in the latency.
local think = tonumber(os.getenv("LOAD_THINK_MS") or "0") or 0
if think > 0 then
  function delay()
    return math.random(math.floor(think / 2), math.floor(think * 3 / 2))
  end
end

function request()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end

function response(status, headers, body)
  if status ~= 200 then
    non200 = non200 + 1
  end
end

function done(summary, latency, requests)
  local bad = 0
  for _, thread in ipairs(threads) do
    bad = bad + (thread:get("non200") or 0)
  end
  local e = summary.errors
  io.write(string.format(
    'LOADJSON {"requests": %d, "duration_us": %d, "non200": %d, "status_errors": %d, '
      .. '"connect": %d, "read": %d, "write": %d, "timeout": %d, '
      .. '"p50_ms": %.2f, "p95_ms": %.2f, "p99_ms": %.2f, "max_ms": %.2f}\n',
    summary.requests, summary.duration, bad, e.status, e.connect, e.read, e.write, e.timeout,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000
  ))
end
