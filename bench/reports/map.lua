-- wrk script of bench/run.sh reports-map: GETs the map viewports listed in BENCH_PATHS (separated by
-- "|"), one after the other. Prints wrk's figures (bench/percentiles.lua) and the answers not 200.
dofile("bench/percentiles.lua")
local percentiles = done

local paths = {}
for p in string.gmatch(os.getenv("BENCH_PATHS") or "/api/v1/reports/map", "[^|]+") do paths[#paths + 1] = p end
local n = 0
request = function()
  n = n + 1
  return wrk.format("GET", paths[(n % #paths) + 1])
end

other = 0
first_other = ""
response = function(status, headers, body)
  if status ~= 200 then
    other = other + 1
    if first_other == "" then first_other = status .. " " .. string.sub(body or "", 1, 300) end
  end
end

local threads = {}
setup = function(thread) threads[#threads + 1] = thread end

done = function(summary, latency, requests)
  percentiles(summary, latency, requests)
  local total, sample = 0, ""
  for _, t in ipairs(threads) do
    total = total + t:get("other")
    if sample == "" then sample = t:get("first_other") end
  end
  io.write(string.format("NON201 %d %s\n", total, (sample:gsub("\n", " "))))
end
