-- The mixed portal/API load of issue 16 item 8 for wrk: the portal's pages and search, the
-- public API, and an officer's API reads of cases (each a logged read, REC-11), round robin.
--   wrk -t2 -c200 -d60s --latency -s Benchmarks/load.lua http://127.0.0.1:PORT
-- with SUNLIGHT_LOAD_TOKEN (an officer's API token) and SUNLIGHT_LOAD_CASES (case IDs, comma-separated).
local token = os.getenv("SUNLIGHT_LOAD_TOKEN") or ""
local cases = {}
for id in string.gmatch(os.getenv("SUNLIGHT_LOAD_CASES") or "", "[^,]+") do table.insert(cases, id) end

local portal = {
  "/", "/decisions", "/decisions?q=%E7%BD%9A%E6%AC%BE", "/api/v1/public/decisions", "/officers",
  "/api/v1/log/checkpoint", "/decisions?category=penalty",
}

local counter = 0
request = function()
  counter = counter + 1
  if #cases > 0 and counter % 3 == 0 then
    local id = cases[math.floor(counter / 3) % #cases + 1]
    return wrk.format("GET", "/api/v1/cases/" .. id, { ["Authorization"] = "Bearer " .. token })
  end
  return wrk.format("GET", portal[counter % #portal + 1])
end

done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.status + summary.errors.timeout
  io.write(string.format("LOAD requests=%d seconds=%.1f rps=%.0f errors=%d p50_ms=%.1f p95_ms=%.1f p99_ms=%.1f\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6), errors,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
