-- wrk script: POST /api/v1/me/buy-now for the buyers that `crossborder bench checkout
-- --prepare-only` wrote (the file named by $BUYERS), each thread walking the buyers and SKUs
-- with its own idempotency keys; at the end, orders placed (201) and every other answer.
dofile(os.getenv("BUYERS"))

local threads = {}
local next_id = 0

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

function init(args)
  n = 0
  created = 0
  other = 0
  sample = ""
end

function request()
  n = n + 1
  local buyer = buyers[((id * 7919 + n) % #buyers) + 1]
  local sku = skus[((id * 7 + n) % #skus) + 1]
  local body = string.format('{"skuId":"%s","quantity":1,"addressId":"%s","channel":"bank"}', sku, buyer.address)
  local headers = {
    ["Authorization"] = buyer.authorization,
    ["Content-Type"] = "application/json",
    ["Idempotency-Key"] = run .. "-wrk-" .. id .. "-" .. n,
  }
  return wrk.format("POST", "/api/v1/me/buy-now", headers, body)
end

function response(status, headers, body)
  if status == 201 and string.find(body, '"status":"succeeded"', 1, true) then
    created = created + 1
  else
    other = other + 1
    if sample == "" then sample = status .. " " .. body end
  end
end

function done(summary, latency, requests)
  local placed, refused, sample = 0, 0, ""
  for _, thread in ipairs(threads) do
    placed = placed + thread:get("created")
    refused = refused + thread:get("other")
    if sample == "" then sample = thread:get("sample") end
  end
  if sample ~= "" then io.write("first other answer: " .. sample .. "\n") end
  local seconds = summary.duration / 1e6
  io.write(string.format("orders_paid %d\nother_answers %d\norders_per_s %.1f\np50_ms %.2f\np99_ms %.2f\n",
    placed, refused, placed / seconds, latency:percentile(50) / 1000, latency:percentile(99) / 1000))
end
