-- One wrk script for every scenario: SCENARIO picks the requests, DATA_DIR holds the value files written by run.sh
-- (one value per line). Each wrk thread reads the files and draws values at random, so requests vary; done() prints
-- one machine-readable RESULT line that run.sh turns into the results table.

local scenario = os.getenv("SCENARIO")
local data_dir = os.getenv("DATA_DIR")
local values = {}

local function read_lines(name)
  local lines = {}
  for line in io.lines(data_dir .. "/" .. name) do
    if #line > 0 then
      lines[#lines + 1] = line
    end
  end
  assert(#lines > 0, "no values in " .. name)
  return lines
end

local function url_encoded(text)
  return (text:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

local files = { ["by-id"] = "ids.txt", ["filtered-list"] = "filters.txt", ["search"] = "terms.txt", ["autocomplete"] = "prefixes.txt",
  ["speaker"] = "speakers.txt", ["rare-tag"] = "rare-tags.txt", ["speaker-type"] = "speaker-types.txt", ["date-range"] = "date-ranges.txt" }

function init(args)
  math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)"), 16) % 100000)
  if files[scenario] then
    values = read_lines(files[scenario])
  end
end

function request()
  local path
  if scenario == "by-id" then
    path = "/api/v1/quotes/" .. values[math.random(#values)]
  elseif scenario == "filtered-list" then
    path = "/api/v1/quotes?" .. values[math.random(#values)]
  elseif scenario == "random" then
    path = "/api/v1/quotes/random"
  elseif scenario == "today" then
    path = "/api/v1/quotes/today"
  elseif scenario == "list" then
    path = "/api/v1/quotes?limit=20"
  elseif scenario == "speaker" then
    path = "/api/v1/speakers/" .. values[math.random(#values)]
  elseif scenario == "rare-tag" or scenario == "speaker-type" or scenario == "date-range" then
    path = "/api/v1/quotes?" .. values[math.random(#values)]
  elseif scenario == "static" then
    path = "/quote.json"
  elseif scenario == "search" then
    path = "/api/v1/quotes?q=" .. url_encoded(values[math.random(#values)])
  elseif scenario == "autocomplete" then
    path = "/api/v1/speakers?q=" .. url_encoded(values[math.random(#values)])
  else
    error("unknown SCENARIO " .. tostring(scenario))
  end
  return wrk.format("GET", path, { ["Accept"] = "application/json" })
end

function done(summary, latency, requests)
  local e = summary.errors
  local socket_errors = e.connect + e.read + e.write + e.timeout
  io.write(string.format("RESULT scenario=%s requests=%d seconds=%.3f rps=%.1f p50_ms=%.2f p99_ms=%.2f non2xx=%d socket_errors=%d\n",
    scenario, summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, e.status, socket_errors))
end
