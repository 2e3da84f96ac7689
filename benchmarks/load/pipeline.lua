-- Sends 16 requests per write (HTTP/1.1 pipelining), as TechEmpower's plaintext test does.
init = function(args)
  local requests = {}
  for i = 1, 16 do
    requests[i] = wrk.format(nil, wrk.path)
  end
  batch = table.concat(requests)
end

request = function()
  return batch
end
