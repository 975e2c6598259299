-- wrk script of bench/run.sh services-submit: POSTs the multipart body of one dossier (file
-- BENCH_BODY, boundary BENCH_BOUNDARY) to BENCH_PATH (default /api/v1/dossiers) with a bearer API token. BENCH_TOKENS is
-- one token, or several separated by commas: each request then takes the next one in turn.
-- Prints wrk's figures (bench/percentiles.lua) and a line counting the answers that were not 201.
dofile("bench/percentiles.lua")
local percentiles = done

local function read(path)
  local f = assert(io.open(path, "rb"))
  local data = f:read("*a")
  f:close()
  return data
end

local body = read(os.getenv("BENCH_BODY"))
local boundary = os.getenv("BENCH_BOUNDARY")
local tokens = {}
for t in string.gmatch(os.getenv("BENCH_TOKENS") or "", "[^,]+") do tokens[#tokens + 1] = t end
local requests = {}
init = function(args) -- wrk.host is known from here on
  for i, t in ipairs(tokens) do
    requests[i] = wrk.format("POST", os.getenv("BENCH_PATH") or "/api/v1/dossiers", {
      ["Host"] = wrk.host .. ":" .. wrk.port,
      ["Authorization"] = "Bearer " .. t,
      ["Content-Type"] = "multipart/form-data; boundary=" .. boundary,
    }, body)
  end
end
local n = 0
request = function()
  n = n + 1
  return requests[(n % #requests) + 1]
end

other = 0
first_other = ""
response = function(status, headers, resp)
  if status ~= 201 then
    other = other + 1
    if first_other == "" then first_other = status .. " " .. string.sub(resp or "", 1, 300) end
  end
end

local threads = {}
setup = function(thread) threads[#threads + 1] = thread end

done = function(summary, latency, requests_)
  percentiles(summary, latency, requests_)
  local total, sample = 0, ""
  for _, t in ipairs(threads) do
    total = total + t:get("other")
    if sample == "" then sample = t:get("first_other") end
  end
  io.write(string.format("NON201 %d %s\n", total, (sample:gsub("\n", " "))))
end
