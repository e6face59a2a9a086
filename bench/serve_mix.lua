-- wrk script for bench/serve_bench.sh: each request takes the next path of a mixed set, the
-- kind of traffic the search page makes (searches with the page's facets, paging, sorting,
-- articles, autocomplete, stats). Paths are read from the file named by $ATTACHE_BENCH_PATHS.
local paths = {}
for line in io.lines(os.getenv("ATTACHE_BENCH_PATHS")) do
  if line ~= "" then paths[#paths + 1] = line end
end
local counter = 0

request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end
