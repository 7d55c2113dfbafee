-- wrk script of benchmarks/search.sh. SCENARIO names a file in DATA_DIR of request lines "extra-params<TAB>q":
-- extra-params (already URL-encoded, may be empty) go after the URL-encoded q. "autocomplete" reads prefixes.
-- Each thread draws lines at random; done() prints one RESULT line for search.sh.

local scenario = os.getenv("SCENARIO")
local data_dir = os.getenv("DATA_DIR")
local lines = {}

local function url_encoded(text)
  return (text:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function init(args)
  math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)"), 16) % 100000)
  for line in io.lines(data_dir .. "/" .. scenario .. ".txt") do
    if #line > 0 then
      lines[#lines + 1] = line
    end
  end
  assert(#lines > 0, "no requests for " .. scenario)
end

function request()
  local line = lines[math.random(#lines)]
  local path
  if scenario == "autocomplete" then
    path = "/api/v1/speakers?q=" .. url_encoded(line)
  else
    local extra, q = line:match("^([^\t]*)\t(.*)$")
    path = "/api/v1/quotes?q=" .. url_encoded(q) .. (extra ~= "" and ("&" .. extra) or "")
  end
  return wrk.format("GET", path, { ["Accept"] = "application/json" })
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT scenario=%s requests=%d seconds=%.3f rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f non2xx=%d socket_errors=%d\n",
    scenario, summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, e.status,
    e.connect + e.read + e.write + e.timeout))
end
