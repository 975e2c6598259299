-- wrk script of bench/run.sh services-search: each connection's requests take the paths of
-- BENCH_PATHS (separated by spaces, e.g. "/api/v1/procedures?q=khai%20sinh ...") in turn, so that
-- every query gets the same share of the load. Prints wrk's figures (bench/percentiles.lua).
dofile("bench/percentiles.lua")

local paths = {}
for p in string.gmatch(os.getenv("BENCH_PATHS") or "", "%S+") do paths[#paths + 1] = p end
local requests = {}
local n = 0

init = function(args)
  for i, p in ipairs(paths) do requests[i] = wrk.format("GET", p) end
  n = math.random(#requests) - 1 -- threads start at different queries
end

request = function()
  n = n + 1
  return requests[(n % #requests) + 1]
end
