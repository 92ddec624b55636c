-- wrk script: each request asks for a path drawn at random from a file, one path a line
-- (wrk [options] -s bench/paths.lua URL FILE: what follows the URL reaches init). Used for the long tail (every published article) and the
-- readers' mix (home and the most read articles).
local paths = {}

function init(args)
  for line in io.lines(args[1]) do
    paths[#paths + 1] = line
  end
  math.randomseed(os.time() + math.floor(os.clock() * 1000000))
end

function request()
  return wrk.format(nil, paths[math.random(#paths)])
end
