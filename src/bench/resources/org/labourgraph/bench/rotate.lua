-- wrk script of labourgraph's bench: each connection sends GETs for the paths of a file in turn (so a figure is
-- not one resource's), with the Accept header given. Arguments after "--": the paths file, the Accept value, and
-- optionally a Cache-Control value ("no-cache": every page rendered afresh, a cache miss).
local paths = {}
local next_index = 0

function init(args)
  for line in io.lines(args[1]) do
    if #line > 0 then
      paths[#paths + 1] = line
    end
  end
  wrk.headers["Accept"] = args[2]
  if args[3] ~= nil and #args[3] > 0 then
    wrk.headers["Cache-Control"] = args[3]
  end
  -- threads start at different places of the list
  next_index = math.random(0, #paths - 1)
end

function request()
  next_index = (next_index % #paths) + 1
  return wrk.format("GET", paths[next_index])
end
